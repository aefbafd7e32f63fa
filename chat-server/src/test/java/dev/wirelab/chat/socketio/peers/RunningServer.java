package dev.wirelab.chat.socketio.peers;

import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.engineio.EngineIoServer;
import dev.wirelab.chat.http.WebServer;
import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.chat.socketio.SocketIoServer;

/** A Socket.IO server on the real Engine.IO transport, on 127.0.0.1 and a free port. */
final class RunningServer implements AutoCloseable {
  private final SocketIoServer io;
  private final WebServer web;

  RunningServer(SocketIoOptions options) {
    this.io = new SocketIoServer(options);
    try {
      this.web =
          WebServer.builder()
              .host("127.0.0.1")
              .port(0)
              .engineIo("/socket.io/", new EngineIoServer(EngineIoOptions.defaults(), io))
              .start();
    } catch (RuntimeException e) {
      io.close();
      throw e;
    }
  }

  SocketIoServer io() {
    return io;
  }

  /** The URL a client uses for {@code namespace}, e.g. {@code "/"} or {@code "/admin"}. */
  String url(String namespace) {
    return "http://127.0.0.1:" + web.port() + namespace;
  }

  @Override
  public void close() {
    io.close();
    web.close();
  }
}
