package dev.wirelab.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.bench.client.BenchTarget;
import dev.wirelab.bench.client.ChatLoad;
import dev.wirelab.bench.client.LoadSettings;
import dev.wirelab.bench.report.BenchReport;
import dev.wirelab.chat.http.IoTransport;
import dev.wirelab.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cross-node measurement of bench/cross-node.sh, small: two bench servers on a real
 * redis-server, the senders on one and the other clients on the other. Every delivery that must
 * cross Redis arrives, and the report names each sampled process.
 */
class CrossNodeLoadTest {
  private static final int CLIENTS = 20;
  private static final int SENDERS = 2;
  private static final int RATE = 10;

  @Test
  void everyDeliveryCrossesTheClusterAndEachProcessIsSampled() throws Exception {
    try (RedisServerProcess redis = RedisServerProcess.start();
        WirelabBenchServer senderNode =
            WirelabBenchServer.start(0, IoTransport.preferred(), redis.url());
        WirelabBenchServer receiverNode =
            WirelabBenchServer.start(0, IoTransport.preferred(), redis.url())) {
      long self = ProcessHandle.current().pid();
      BenchReport report =
          new ChatLoad(
                  new LoadSettings(
                      BenchTarget.parse("ws://127.0.0.1:" + receiverNode.port(), false),
                      BenchTarget.parse("ws://127.0.0.1:" + senderNode.port(), false),
                      "bench",
                      CLIENTS,
                      SENDERS,
                      RATE,
                      Duration.ZERO,
                      Duration.ofSeconds(1),
                      false,
                      self,
                      List.of(self),
                      1,
                      Duration.ofSeconds(30),
                      Duration.ofSeconds(10),
                      8))
              .run();

      assertThat(report.firstError()).isNull();
      assertThat(report.connected()).isEqualTo(CLIENTS);
      // 18 of the 20 members are on the other node: without the adapter they would get nothing.
      assertThat(report.received()).isEqualTo((long) SENDERS * RATE * CLIENTS);
      assertThat(report.lost()).isZero();
      assertThat(report.otherCpuMicrosPerDelivery()).containsOnlyKeys(self);
    }
  }
}
