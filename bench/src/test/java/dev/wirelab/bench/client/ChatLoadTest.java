package dev.wirelab.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.bench.report.BenchReport;
import dev.wirelab.bench.server.WirelabBenchServer;
import dev.wirelab.chat.http.IoTransport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator against our bench server over real loopback sockets, with small numbers. */
class ChatLoadTest {
  private WirelabBenchServer server;

  @BeforeEach
  void startServer() {
    server = WirelabBenchServer.start(0, IoTransport.preferred());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private LoadSettings settings(
      int port,
      int clients,
      int senders,
      int rate,
      Duration warmup,
      Duration duration,
      boolean idle) {
    // The server runs in this JVM, so --pid is our own process: /proc sampling is exercised too.
    BenchTarget target = BenchTarget.parse("ws://127.0.0.1:" + port, false);
    return new LoadSettings(
        target,
        target,
        "bench",
        clients,
        senders,
        rate,
        warmup,
        duration,
        idle,
        ProcessHandle.current().pid(),
        List.of(),
        2,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        8);
  }

  @Test
  void everyMessageReachesEveryMemberOfTheRoomSenderIncluded() throws InterruptedException {
    BenchReport report =
        new ChatLoad(
                settings(server.port(), 20, 2, 10, Duration.ZERO, Duration.ofSeconds(2), false))
            .run();

    assertThat(report.connected()).isEqualTo(20);
    assertThat(report.connectErrors()).isZero();
    assertThat(report.firstError()).isNull();
    // Two senders, 10 msg/s, 2 s: message k of sender i is due at i*50 ms + k*100 ms < 2 s.
    assertThat(report.sent()).isEqualTo(40);
    assertThat(report.expected()).isEqualTo(40 * 20);
    assertThat(report.received()).isEqualTo(report.expected());
    assertThat(report.lost()).isZero();
    assertThat(report.disconnects()).isZero();
    assertThat(report.expectedPerSecond()).isEqualTo(2 * 10 * 20);
    assertThat(report.latency().count()).isEqualTo(800);
    assertThat(report.latency().maxMillis()).isGreaterThanOrEqualTo(report.latency().p99Millis());
    assertThat(report.connectTime().count()).isEqualTo(20);
    assertThat(report.serverCpuMicrosPerDelivery()).isNotNull();
    assertThat(report.serverRssBytesPerConnection()).isNotNull();
    assertThat(report.serverRssEndKb()).isPositive();
    assertThat(report.generatorCpuMicrosPerDelivery()).isNotNull();
  }

  @Test
  void warmUpMessagesAreDeliveredButNotCounted() throws InterruptedException {
    BenchReport report =
        new ChatLoad(
                settings(
                    server.port(), 5, 1, 10, Duration.ofSeconds(1), Duration.ofSeconds(1), false))
            .run();

    assertThat(report.sent()).isEqualTo(10);
    assertThat(report.received()).isEqualTo(10 * 5);
    assertThat(report.lost()).isZero();
  }

  @Test
  void idleHoldsEveryConnectionForTheDuration() throws InterruptedException {
    BenchReport report =
        new ChatLoad(settings(server.port(), 50, 0, 0, Duration.ZERO, Duration.ofSeconds(1), true))
            .run();

    assertThat(report.mode()).isEqualTo("idle");
    assertThat(report.connected()).isEqualTo(50);
    assertThat(report.connectErrors()).isZero();
    assertThat(report.disconnects()).isZero();
    assertThat(report.sent()).isZero();
    assertThat(report.serverRssBytesPerConnection()).isNotNull();
  }

  @Test
  void aServerThatIsNotThereIsReportedAsConnectErrors() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    BenchReport report =
        new ChatLoad(settings(closedPort, 3, 1, 10, Duration.ZERO, Duration.ofSeconds(1), false))
            .run();

    assertThat(report.connected()).isZero();
    assertThat(report.connectErrors()).isEqualTo(3);
    assertThat(report.firstError()).containsIgnoringCase("refused");
  }
}
