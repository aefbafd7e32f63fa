package dev.wirelab.chat.socketio.cluster;

import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.fixture.ProtocolFixture;
import dev.wirelab.chat.socketio.Namespace;
import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterFactory;
import dev.wirelab.chat.socketio.cluster.redis.RedisAdapterOptions;
import dev.wirelab.testkit.RedisServerProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long a cluster-wide fetchSockets takes over 4 nodes (3 Wirelab, 1 Node.js socket.io on
 *
 * @socket.io/redis-adapter) on one real redis-server, with {@code clients} official clients spread
 *     over the nodes; prints p50/p99/p99.9/max of {@code calls} calls from one Wirelab node. Run
 *     from chat-server: {@code java -cp <test classpath>
 *     dev.wirelab.chat.socketio.cluster.ClusterFetchBenchmark [calls] [clients]}.
 */
public final class ClusterFetchBenchmark {
  private ClusterFetchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int clientCount = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<RedisAdapterFactory> adapters = new ArrayList<>();
    List<ProtocolFixture> nodes = new ArrayList<>();
    RedisServerProcess redis = RedisServerProcess.start();
    try {
      for (int i = 0; i < 3; i++) {
        RedisAdapterFactory factory =
            RedisAdapterFactory.connect(redis.url(), RedisAdapterOptions.defaults());
        adapters.add(factory);
        nodes.add(ProtocolFixture.start("127.0.0.1", 0, factory, EngineIoOptions.defaults()));
      }
      try (NodeClusterPeer node = NodeClusterPeer.start(redis.url(), "pubsub")) {
        for (int i = 0; i < clientCount; i++) {
          String url = i % 4 == 3 ? node.url() : "http://127.0.0.1:" + nodes.get(i % 4).port();
          node.client("c" + i, url);
        }
        Namespace io = nodes.get(0).io().mainNamespace();
        for (int i = 0; i < 100; i++) {
          io.fetchClusterSockets().get(10, TimeUnit.SECONDS);
        }
        long[] nanos = new long[calls];
        int found = 0;
        for (int i = 0; i < calls; i++) {
          long before = System.nanoTime();
          found = io.fetchClusterSockets().get(10, TimeUnit.SECONDS).size();
          nanos[i] = System.nanoTime() - before;
        }
        Arrays.sort(nanos);
        System.out.printf(
            Locale.ROOT,
            "fetchSockets over 4 nodes (3 Wirelab + 1 Node), %d sockets,"
                + " %d calls: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; serverCount %d%n",
            found,
            calls,
            ms(nanos, 0.50),
            ms(nanos, 0.99),
            ms(nanos, 0.999),
            nanos[calls - 1] / 1e6,
            io.serverCount().get(10, TimeUnit.SECONDS));
      }
    } finally {
      nodes.forEach(ProtocolFixture::close);
      adapters.forEach(RedisAdapterFactory::close);
      redis.close();
    }
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}
