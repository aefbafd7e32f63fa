package dev.wirelab.bench.server;

import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.http.IoTransport;
import dev.wirelab.chat.http.SocketIoWebServer;
import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.chat.socketio.SocketIoServer;
import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterFactory;
import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterOptions;

/**
 * Our Socket.IO server with the {@link BenchProtocol} on 127.0.0.1, alone or as one node of a
 * cluster on Redis: {@code ./wirelab bench server --port 3000 [--redis redis://HOST:PORT]}, then
 * point the generator at it.
 */
public final class WirelabBenchServer implements AutoCloseable {
  /** Above the 19 000 idle clients of the side-by-side; the open-file limit is the real bound. */
  private static final int MAX_CONNECTIONS = 100_000;

  private final SocketIoWebServer server;
  private final RedisAdapterFactory cluster;

  private WirelabBenchServer(SocketIoWebServer server, RedisAdapterFactory cluster) {
    this.server = server;
    this.cluster = cluster;
  }

  /** Binds 127.0.0.1:{@code port} (0 for any free port) with event loops on {@code transport}. */
  public static WirelabBenchServer start(int port, IoTransport transport) {
    return start(port, transport, null);
  }

  /**
   * Like {@link #start(int, IoTransport)}, as a node of the cluster on the Redis at {@code
   * redisUrl} (the pub/sub adapter, {@code @socket.io/redis-adapter}'s protocol) when it is not
   * null.
   */
  public static WirelabBenchServer start(int port, IoTransport transport, String redisUrl) {
    RedisAdapterFactory cluster =
        redisUrl == null
            ? null
            : RedisAdapterFactory.connect(redisUrl, RedisAdapterOptions.defaults());
    SocketIoOptions options =
        cluster == null
            ? SocketIoOptions.defaults()
            : SocketIoOptions.defaults().withAdapterFactory(cluster);
    try {
      SocketIoServer io = new SocketIoServer(options);
      BenchProtocol.install(io);
      return new WirelabBenchServer(
          SocketIoWebServer.start(
              io,
              EngineIoOptions.defaults().withMaxConnections(MAX_CONNECTIONS),
              "127.0.0.1",
              port,
              web -> web.transport(transport)),
          cluster);
    } catch (RuntimeException e) {
      if (cluster != null) {
        cluster.close();
      }
      throw e;
    }
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    if (cluster != null) {
      cluster.close();
    }
  }
}
