package dev.wirelab.bench.server;

import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.engineio.EngineIoServer;
import dev.wirelab.chat.http.WebServer;
import dev.wirelab.chat.socketio.SocketIoServer;

/**
 * Our Socket.IO server with the {@link BenchProtocol} on 127.0.0.1 (native epoll where the
 * platform has it): {@code ./wirelab bench server --port 3000}, then point the generator at it.
 */
public final class WirelabBenchServer implements AutoCloseable {
  /** Above the 19 000 idle clients of the side-by-side; the open-file limit is the real bound. */
  private static final int MAX_CONNECTIONS = 100_000;

  private final SocketIoServer io;
  private final WebServer web;

  private WirelabBenchServer(SocketIoServer io, WebServer web) {
    this.io = io;
    this.web = web;
  }

  /** Binds 127.0.0.1:{@code port} (0 for any free port). */
  public static WirelabBenchServer start(int port) {
    SocketIoServer io = new SocketIoServer();
    try {
      BenchProtocol.install(io);
      EngineIoServer engine = new EngineIoServer(
          EngineIoOptions.defaults().withMaxConnections(MAX_CONNECTIONS), io);
      WebServer web = WebServer.builder()
          .host("127.0.0.1")
          .port(port)
          .engineIo("/socket.io/", engine)
          .start();
      return new WirelabBenchServer(io, web);
    } catch (RuntimeException e) {
      io.close();
      throw e;
    }
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
