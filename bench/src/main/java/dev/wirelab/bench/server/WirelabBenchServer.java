package dev.wirelab.bench.server;

import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.http.IoTransport;
import dev.wirelab.chat.http.SocketIoWebServer;
import dev.wirelab.chat.socketio.SocketIoServer;

/**
 * Our Socket.IO server with the {@link BenchProtocol} on 127.0.0.1: {@code ./wirelab bench server
 * --port 3000}, then point the generator at it.
 */
public final class WirelabBenchServer implements AutoCloseable {
  /** Above the 19 000 idle clients of the side-by-side; the open-file limit is the real bound. */
  private static final int MAX_CONNECTIONS = 100_000;

  private final SocketIoWebServer server;

  private WirelabBenchServer(SocketIoWebServer server) {
    this.server = server;
  }

  /** Binds 127.0.0.1:{@code port} (0 for any free port) with event loops on {@code transport}. */
  public static WirelabBenchServer start(int port, IoTransport transport) {
    SocketIoServer io = new SocketIoServer();
    BenchProtocol.install(io);
    return new WirelabBenchServer(
        SocketIoWebServer.start(
            io,
            EngineIoOptions.defaults().withMaxConnections(MAX_CONNECTIONS),
            "127.0.0.1",
            port,
            web -> web.transport(transport)));
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
