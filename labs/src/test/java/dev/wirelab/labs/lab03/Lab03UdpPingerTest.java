package dev.wirelab.labs.lab03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class Lab03UdpPingerTest {

  @Test
  void demoPingsWithReproducibleLossAndShowsBoundariesHandshakeAndSizes() {
    LabRun run = LabRun.of(new Lab03UdpPinger(), "demo", "--port", "0", "--timeout-ms", "500");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.prose())
        .startsWith(
            "lab 03 UDP pinger: mode=demo host=127.0.0.1 port=0 count=10 timeout-ms=500 "
                + "loss=30% delay-ms=0 seed="
                + Lab03UdpPinger.DEMO_SEED)
        .contains("seq=1 time=")
        .contains("request timed out (no echo within 500 ms)")
        .containsPattern("10 packets transmitted, \\d+ received, \\d+% packet loss")
        .contains("rtt min/avg/max = ")
        .contains("receive #3 got \"three\" (5 bytes)")
        .contains("unconnected socket: receive() timed out")
        .contains("connected socket: receive() threw PortUnreachableException")
        .contains("65508 bytes: send() failed")
        .contains("got 16 bytes, the other 24 are gone");
  }

  @Test
  void theDemoSeedDropsTheSamePingsOnEveryRun() {
    String[] quickDemo = {"demo", "--port", "0", "--timeout-ms", "300"};
    List<String> first = droppedPings(LabRun.of(new Lab03UdpPinger(), quickDemo));
    List<String> second = droppedPings(LabRun.of(new Lab03UdpPinger(), quickDemo));
    assertThat(first).isNotEmpty().isEqualTo(second);
  }

  @Test
  void clientModePingsARunningServer() throws Exception {
    StringWriter serverLog = new StringWriter();
    try (PingServer server =
        PingServer.start(
            "127.0.0.1",
            0,
            new SimulatedLoss(0, 1),
            0,
            new Narrator(new PrintWriter(serverLog), "server"))) {
      LabRun run =
          LabRun.of(
              new Lab03UdpPinger(),
              "client",
              "--port",
              String.valueOf(server.port()),
              "--count",
              "3");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .startsWith(
              "lab 03 UDP pinger: mode=client host=127.0.0.1 port="
                  + server.port()
                  + " count=3 timeout-ms=1000"
                  + System.lineSeparator())
          .contains("3 packets transmitted, 3 received, 0% packet loss, lost: []");
    }
    assertThat(serverLog.toString()).contains("echoed \"PING 3 ");
  }

  @Test
  void clientModeFailsWhenNoEchoComesBackAtAll() throws Exception {
    try (PingServer blackHole =
        PingServer.start(
            "127.0.0.1",
            0,
            new SimulatedLoss(100, 1),
            0,
            new Narrator(new PrintWriter(new StringWriter()), "server"))) {
      LabRun run =
          LabRun.of(
              new Lab03UdpPinger(),
              "client",
              "--port",
              String.valueOf(blackHole.port()),
              "--count",
              "2",
              "--timeout-ms",
              "200");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out())
          .contains("2 packets transmitted, 0 received, 100% packet loss, lost: [1, 2]")
          .contains("no echo at all");
      assertThat(blackHole.dropped()).hasSize(2);
    }
  }

  @Test
  void busyPortIsOneLine() throws Exception {
    try (DatagramSocket taken = Datagrams.loopbackSocket()) {
      LabRun run =
          LabRun.of(new Lab03UdpPinger(), "server", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(run.assertOneLineError()).startsWith("error: cannot listen there");
    }
  }

  @Test
  void pingingAPortWhereNothingListensIsOneLine() throws Exception {
    LabRun run =
        LabRun.of(new Lab03UdpPinger(), "client", "--port", String.valueOf(Datagrams.closedPort()));
    assertThat(run.assertOneLineError()).startsWith("error: nothing listens on UDP 127.0.0.1:");
  }

  @Test
  void unknownHostIsOneLine() {
    LabRun run = LabRun.of(new Lab03UdpPinger(), "client", "--host", "no-such-host.invalid");
    assertThat(run.assertOneLineError()).startsWith("error: unknown host no-such-host.invalid");
  }

  @Test
  void impossibleOptionsAreOneLineUsageErrors() {
    LabRun loss = LabRun.of(new Lab03UdpPinger(), "server", "--loss", "150");
    assertThat(loss.assertOneLineError())
        .isEqualTo("error: --loss is a percentage from 0 to 100, not 150");
    assertThat(loss.exitCode()).isEqualTo(2);

    LabRun port = LabRun.of(new Lab03UdpPinger(), "server", "--port", "65536");
    assertThat(port.assertOneLineError()).contains("65536 is outside the port range 0-65535");
  }

  /** The sequence numbers of the pings the server says it dropped: its choice, not a timing. */
  private static List<String> droppedPings(LabRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher dropped = Pattern.compile("\\[server] dropped \"PING (\\d+) ").matcher(run.out());
    List<String> sequences = new ArrayList<>();
    while (dropped.find()) {
      sequences.add(dropped.group(1));
    }
    return sequences;
  }
}
