package dev.wirelab.labs.lab11;

import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.http.SocketIoWebServer;
import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.chat.socketio.SocketIoServer;
import java.io.IOException;
import java.net.BindException;

/** The chat server's Socket.IO engine on its own, under {@code /socket.io/} of one port. */
public final class SocketIoLabServer implements AutoCloseable {
  private final SocketIoWebServer server;

  private SocketIoLabServer(SocketIoWebServer server) {
    this.server = server;
  }

  /**
   * Listens on {@code host:port} (0: any free port); register handlers on {@link #io()} before
   * clients come.
   */
  public static SocketIoLabServer start(String host, int port, SocketIoOptions options)
      throws BindException {
    return start(host, port, options, EngineIoOptions.defaults());
  }

  /** Like {@link #start(String, int, SocketIoOptions)}, with Engine.IO settings of its own. */
  public static SocketIoLabServer start(
      String host, int port, SocketIoOptions options, EngineIoOptions engine) throws BindException {
    try {
      return new SocketIoLabServer(
          SocketIoWebServer.start(new SocketIoServer(options), engine, host, port));
    } catch (Exception e) {
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
    return server.io();
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
