package dev.wirelab.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wirelab.bench.client.BenchTarget;
import dev.wirelab.bench.client.ChatLoad;
import dev.wirelab.bench.client.LoadSettings;
import dev.wirelab.bench.report.BenchReport;
import dev.wirelab.bench.server.WirelabBenchServer;
import dev.wirelab.chat.http.IoTransport;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The side-by-side's own servers on each I/O transport, under the real generator on loopback: the
 * floor must deliver what a Socket.IO server delivers, or its CPU per delivery is no floor.
 */
class GeneratorAgainstEveryServerTest {
  private static final int CLIENTS = 30;
  private static final int SENDERS = 3;
  private static final int RATE = 10;

  @ParameterizedTest
  @EnumSource(IoTransport.class)
  void theFloorDeliversEveryMessageToEveryMemberOfTheRoom(IoTransport transport) throws Exception {
    assumeTrue(transport.isAvailable(), transport.optionName() + " does not load here");
    try (FloorServer floor = FloorServer.start(0, transport)) {
      assertEveryMessageArrives(floor::port);
    }
  }

  @ParameterizedTest
  @EnumSource(IoTransport.class)
  void theSocketIoServerDeliversEveryMessageOnEachTransport(IoTransport transport)
      throws Exception {
    assumeTrue(transport.isAvailable(), transport.optionName() + " does not load here");
    try (WirelabBenchServer server = WirelabBenchServer.start(0, transport)) {
      assertEveryMessageArrives(server::port);
    }
  }

  private static void assertEveryMessageArrives(IntSupplier port) throws InterruptedException {
    BenchTarget target = BenchTarget.parse("ws://127.0.0.1:" + port.getAsInt(), false);
    BenchReport report =
        new ChatLoad(
                new LoadSettings(
                    target,
                    target,
                    "bench",
                    CLIENTS,
                    SENDERS,
                    RATE,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    false,
                    0,
                    List.of(),
                    1,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(10),
                    8))
            .run();

    assertThat(report.firstError()).isNull();
    assertThat(report.connected()).isEqualTo(CLIENTS);
    assertThat(report.sent()).isEqualTo(SENDERS * RATE);
    assertThat(report.received()).isEqualTo((long) SENDERS * RATE * CLIENTS);
    assertThat(report.lost()).isZero();
  }
}
