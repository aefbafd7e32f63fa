package dev.wirelab.labs.lab13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.lab13.SlidingWindowSender.Strategy;
import dev.wirelab.labs.support.LabRun;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Lab13ReliableTransportTest {
  private static final LinkConditions BAD = new LinkConditions(20, 10, 10, 10, 2, 7);

  @Test
  void aSegmentSurvivesTheRoundTripAndAnyFlippedBitIsRefused() {
    byte[] datagram = Segment.data(7, new byte[] {1, 2, 3, 4, 5}).encode();
    assertThat(Segment.decode(datagram, datagram.length))
        .contains(Segment.data(7, new byte[] {1, 2, 3, 4, 5}));
    for (int bit = 0; bit < datagram.length * 8; bit++) {
      byte[] damaged = datagram.clone();
      damaged[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(Segment.decode(damaged, damaged.length)).as("bit %d flipped", bit).isEmpty();
    }
    assertThat(Segment.decode(datagram, Segment.HEADER_BYTES - 1)).isEmpty();
  }

  @Test
  void everyStrategyGetsEveryByteThroughABadLinkOnceAndInOrder() throws Exception {
    byte[] data = TestData.bytes(6_000, 3);
    for (int window : new int[] {1, 5}) {
      for (Strategy strategy : Strategy.values()) {
        LinkTally tally = new LinkTally(line -> {});
        LinkExperiment.Outcome outcome =
            new LinkExperiment(BAD, strategy == Strategy.GO_BACK_N ? 1 : window)
                .watchedBy(tally)
                .run(new SlidingWindowSender(strategy, window, 25, line -> {}), data, 200);
        assertThat(outcome.intact()).as("%s window %d", strategy, window).isTrue();
        assertThat(outcome.transfer().segments()).isEqualTo(31);
        assertThat(outcome.transfer().retransmissions()).as("the link lost some").isPositive();
        assertThat(tally.toString()).doesNotContain(" 0 lost").doesNotContain(" 0 corrupted");
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameFatesWhateverTheTiming() throws Exception {
    byte[] data = TestData.bytes(2_000, 1);
    List<String> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      List<String> lines = Collections.synchronizedList(new ArrayList<>());
      new LinkExperiment(BAD, 1)
          .watchedBy(new LinkTally(lines::add))
          .run(new SlidingWindowSender(Strategy.GO_BACK_N, 1, 25, line -> {}), data, 100);
      runs.add(String.join("\n", lines));
    }
    assertThat(runs.get(0)).isNotEmpty().isEqualTo(runs.get(1));
  }

  @Test
  void demoTellsTheStoryWritesTheChartAndTheCaptureInADisplayWidth(@TempDir Path out)
      throws Exception {
    LabRun run =
        LabRun.of(new Lab13ReliableTransport(), "demo", "--port", "0", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "lab 13 Reliable transport: mode=demo host=127.0.0.1 port=0 out="
                + out
                + System.lineSeparator()
                + "link: loss=10% dup=5% reorder=5% corrupt=5% delay-ms=5 "
                + "seed="
                + Lab13ReliableTransport.DEMO_SEED)
        .contains("== 1. Stop-and-wait")
        .contains("== 2. Go-Back-N, window 4")
        .contains("== 3. Selective repeat, window 4")
        .contains("timeout: DATA seq=")
        .contains(": lost")
        .contains("corrupted (bit ")
        .contains("a damaged datagram (checksum mismatch)")
        .contains("early: kept until")
        .contains("beyond the window")
        .doesNotContain("DIFFERENT BYTES");
    assertThat(run.out().lines().filter(line -> line.contains("every byte once, in order")))
        .hasSize(3);
    assertThat(run.out().lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
    String svg = Files.readString(out.resolve(Lab13ReliableTransport.CHART_FILE));
    assertThat(svg)
        .startsWith("<svg")
        .contains("selective repeat")
        .contains("Go-Back-N")
        .contains("<polyline")
        .endsWith("</svg>\n");
    Path capture = out.resolve(Lab13ReliableTransport.CAPTURE_FILE);
    assertThat(Files.size(capture)).isGreaterThan(24 + 10 * (16 + 42));
  }

  @Test
  void aClientWithNobodyBehindTheAddressGivesUpWithOneLine() throws Exception {
    int nobody;
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      nobody = socket.getLocalPort();
    }
    LabRun run =
        LabRun.of(
            new Lab13ReliableTransport(),
            "client",
            "--port",
            String.valueOf(nobody),
            "--bytes",
            "100",
            "--timeout-ms",
            "5");
    assertThat(run.assertOneLineError())
        .contains("no acknowledgment at all in " + SlidingWindowSender.GIVE_UP_AFTER)
        .contains("(DATA seq=0");
  }

  @Test
  void optionsOutOfRangeAreOneLine() {
    assertThat(
            LabRun.of(new Lab13ReliableTransport(), "demo", "--loss", "100").assertOneLineError())
        .contains("loses everything");
    assertThat(
            LabRun.of(new Lab13ReliableTransport(), "demo", "--window", "0").assertOneLineError())
        .contains("--window is 1 to 1024");
  }
}
