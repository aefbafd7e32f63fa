package dev.wirelab.labs.lab03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Lab03PingTest {
  /** Far above a loopback round trip, so only the simulated loss loses pings. */
  private static final int TIMEOUT_MILLIS = 500;

  private final StringWriter output = new StringWriter();
  private final Narrator narrator = new Narrator(new PrintWriter(output), "test");

  @Test
  void theSameSeedLosesTheSamePingsAndTheClientSeesExactlyTheServersDrops() throws Exception {
    Run first = pingTen(5);
    Run second = pingTen(5);
    Run otherSeed = pingTen(1);

    assertThat(first.result.lost()).isNotEmpty().isEqualTo(second.result.lost());
    assertThat(first.result.lost()).isEqualTo(first.droppedSequences);
    assertThat(otherSeed.result.lost())
        .isEqualTo(otherSeed.droppedSequences)
        .isNotEqualTo(first.result.lost());
    assertThat(first.result.rttMillis()).hasSize(10 - first.result.lost().size());
    assertThat(output.toString())
        .contains("--- 127.0.0.1 ping statistics ---")
        .contains("10 packets transmitted, " + first.result.rttMillis().size() + " received");
  }

  @Test
  void theShareOfDroppedDatagramsMatchesTheSetting() throws Exception {
    int total = 1_000;
    int batch = 50;
    int replies = 0;
    List<String> dropped;
    try (PingServer server =
            PingServer.start("127.0.0.1", 0, new SimulatedLoss(30, 7), 0, narrator);
        DatagramSocket client = Datagrams.loopbackSocket()) {
      InetSocketAddress to = new InetSocketAddress("127.0.0.1", server.port());
      // In batches, so that neither socket's receive buffer overflows: that would be real loss.
      for (int sent = 0; sent < total; sent += batch) {
        for (int i = sent + 1; i <= sent + batch; i++) {
          byte[] ping = ("PING " + i).getBytes(StandardCharsets.UTF_8);
          client.send(new DatagramPacket(ping, ping.length, to));
        }
        assertThat(server.awaitHandled(batch, 5_000)).as("server handled the batch").isTrue();
        int droppedSoFar = server.dropped().size();
        while (replies < sent + batch - droppedSoFar) {
          Datagrams.receive(client, 64);
          replies++;
        }
      }
      dropped = server.dropped();
    }
    // 30 % of 1000 has a standard deviation of about 14.5: allow more than three of them.
    assertThat(dropped.size()).isBetween(250, 350);
    assertThat(replies).isEqualTo(total - dropped.size());
  }

  @Test
  void withoutLossEveryPingIsAnsweredAndTheDelayShowsInEveryRoundTrip() throws Exception {
    PingClient.Result result;
    try (PingServer server =
        PingServer.start("127.0.0.1", 0, new SimulatedLoss(0, 1), 20, narrator)) {
      result =
          new PingClient("server", TIMEOUT_MILLIS, narrator).ping("127.0.0.1", server.port(), 3);
    }
    assertThat(result.lost()).isEmpty();
    // The server holds each echo 20 ms before sending it: a lower bound by construction.
    assertThat(result.rttMillis())
        .hasSize(3)
        .allSatisfy(rtt -> assertThat(rtt).isGreaterThanOrEqualTo(20.0));
    assertThat(result.lossPercent()).isZero();
  }

  @Test
  void anEchoArrivingAfterItsTimeoutIsNotTakenForTheNextPing() throws Exception {
    PingClient.Result result;
    // Echo 1 arrives at ~900 ms, in the middle of ping 2's wait (600 to 1200 ms).
    try (PingServer server =
        PingServer.start("127.0.0.1", 0, new SimulatedLoss(0, 1), 900, narrator)) {
      result = new PingClient("server", 600, narrator).ping("127.0.0.1", server.port(), 2);
    }
    assertThat(result.lost()).containsExactly(1, 2);
    assertThat(output.toString()).contains("late echo ignored: \"PING 1 ");
  }

  @Test
  void threeSendsAreThreeReceivesNeverMerged() throws Exception {
    assertThat(MessageBoundaries.run(narrator))
        .containsExactlyElementsOf(MessageBoundaries.MESSAGES);
  }

  @Test
  void aDatagramToAClosedPortIsSentWithoutComplaintAndOnlyAConnectedSocketHearsTheIcmpError()
      throws Exception {
    NoHandshake.Result result = NoHandshake.run(narrator, 300);

    assertThat(result.unconnected()).isEqualTo(NoHandshake.Outcome.TIMED_OUT);
    assertThat(result.connected()).isEqualTo(NoHandshake.Outcome.PORT_UNREACHABLE);
  }

  @Test
  void theLargestDatagramPassesOneByteMoreFailsAndASmallBufferTruncates() throws Exception {
    Oversized.Result result = Oversized.run(narrator);

    assertThat(result.largestReceived()).isEqualTo(65_507);
    assertThat(result.oversizeError()).containsIgnoringCase("too long");
    assertThat(result.truncatedTo()).isEqualTo(Oversized.SMALL_BUFFER);
    assertThat(result.next()).isEqualTo("next");
  }

  @Test
  void sequenceNumbersAreReadFromPingsOnly() {
    assertThat(PingClient.sequenceOf("PING 12 1732570000000")).isEqualTo(12);
    assertThat(PingClient.sequenceOf("PONG 12")).isEqualTo(-1);
    assertThat(PingClient.sequenceOf("PING twelve")).isEqualTo(-1);
  }

  private record Run(PingClient.Result result, List<Integer> droppedSequences) {}

  private Run pingTen(long seed) throws Exception {
    try (PingServer server =
        PingServer.start("127.0.0.1", 0, new SimulatedLoss(30, seed), 0, narrator)) {
      PingClient.Result result =
          new PingClient("127.0.0.1", TIMEOUT_MILLIS, narrator)
              .ping("127.0.0.1", server.port(), 10);
      List<Integer> dropped = server.dropped().stream().map(PingClient::sequenceOf).toList();
      return new Run(result, dropped);
    }
  }
}
