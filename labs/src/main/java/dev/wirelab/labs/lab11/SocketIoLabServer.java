package dev.wirelab.labs.lab11;

import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.engineio.EngineIoServer;
import dev.wirelab.chat.http.WebServer;
import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.chat.socketio.SocketIoServer;
import java.io.IOException;
import java.net.BindException;

/** The chat server's Socket.IO engine on its own, under {@code /socket.io/} of one port. */
public final class SocketIoLabServer implements AutoCloseable {
  private final SocketIoServer io;
  private final WebServer web;

  private SocketIoLabServer(SocketIoServer io, WebServer web) {
    this.io = io;
    this.web = web;
  }

  /** Listens on {@code host:port} (0: any free port); register handlers on {@link #io()} before clients come. */
  public static SocketIoLabServer start(String host, int port, SocketIoOptions options) throws BindException {
    SocketIoServer io = new SocketIoServer(options);
    try {
      WebServer web = WebServer.builder().host(host).port(port)
          .engineIo("/socket.io/", new EngineIoServer(EngineIoOptions.defaults(), io))
          .start();
      return new SocketIoLabServer(io, web);
    } catch (Exception e) {
      io.close();
      // Netty reports a failed bind as its own (undeclared) IOException: say it in Java's words.
      if (e instanceof IOException) {
        BindException bind = new BindException(host + ":" + port + ": " + e.getMessage());
        bind.initCause(e);
        throw bind;
      }
      throw e;
    }
  }

  public SocketIoServer io() {
    return io;
  }

  public int port() {
    return web.port();
  }

  @Override
  public void close() {
    io.close();
    web.close();
  }
}
