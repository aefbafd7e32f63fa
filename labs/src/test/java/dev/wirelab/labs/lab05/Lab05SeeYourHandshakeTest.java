package dev.wirelab.labs.lab05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.common.cli.CommandRunner;
import dev.wirelab.labs.support.ClosedPort;
import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Captures for real on the loopback interface: the tests run as root, here and in CI. */
class Lab05SeeYourHandshakeTest {
  private static final long MOD_32 = 0xffffffffL;

  @TempDir Path dir;

  @Test
  void packetCountsAreSingularOnlyForOne() {
    assertThat(List.of(0L, 1L, 2L).stream().map(Lab05SeeYourHandshake::packets))
        .containsExactly("0 packets", "1 packet", "2 packets");
  }

  @Test
  void liveCaptureSeesHandshakeDataTeardownAndTheDatagram() throws Exception {
    Conversation conversation;
    InetSocketAddress server;
    try (LoopbackExchange exchange =
            LoopbackExchange.bind(0, new Narrator(new PrintWriter(new StringWriter()), "test"));
        LiveCapture capture = LiveCapture.start("", exchange.port(), Optional.empty())) {
      server = new InetSocketAddress("127.0.0.1", exchange.port());
      exchange.run();
      conversation = capture.readUntilComplete(5_000);
    }

    assertThat(conversation.isComplete()).as("complete: %s", conversation.segments()).isTrue();
    assertOneConnectionThenOneDatagram(conversation, server, 17, 26);
  }

  @Test
  void aCaptureThatSeesNothingStillReturns() throws Exception {
    try (LoopbackExchange quiet =
            LoopbackExchange.bind(0, new Narrator(new PrintWriter(new StringWriter()), "test"));
        LiveCapture capture = LiveCapture.start("", quiet.port(), Optional.empty())) {
      Conversation nothing = capture.readUntilComplete(300);

      assertThat(nothing.segments()).isEmpty();
      assertThat(nothing.isComplete()).isFalse();
    }
  }

  @Test
  void bundledCaptureHoldsTheSameExchange() throws Exception {
    Conversation conversation = BundledCapture.read();

    assertThat(conversation.isComplete()).isTrue();
    assertOneConnectionThenOneDatagram(
        conversation, new InetSocketAddress("127.0.0.1", 9005), 17, 26);
  }

  @Test
  void demoPrintsTheSeqAckArithmetic() {
    LabRun run = LabRun.of(new Lab05SeeYourHandshake(), "demo", "--port", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "lab 05 See your own handshake: mode=demo host=127.0.0.1 port=0 interface=(loopback) offline=false")
        .doesNotContain("cannot capture live");
    assertArithmeticIsNarrated(run.out());
  }

  @Test
  void saveWritesTheLiveCaptureThatOfflineReadingUnderstands() throws Exception {
    Path saved = dir.resolve("mine.pcap");
    LabRun run = LabRun.of(new Lab05SeeYourHandshake(), "--port", "0", "--save", saved.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Conversation conversation = BundledCapture.readFile(saved);
    assertThat(conversation.isComplete()).isTrue();
    assertThat(conversation.segments()).hasSize(countRows(run.out()));
  }

  @Test
  void offlineShowsTheBundledCapture() {
    LabRun run = LabRun.of(new Lab05SeeYourHandshake(), "--offline");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("--offline: showing the capture bundled with this lab")
        .contains("client:54226 > server:9005  SYN           0      -    0")
        .contains(
            "IP 127.0.0.1.54226 > 127.0.0.1.9005: Flags [S], seq 708418363, win 65495, length 0\n"
                + "               <- the client's initial sequence number (ISN)");
    assertArithmeticIsNarrated(run.out());
  }

  @Test
  void aDeviceThatCannotBeOpenedExplainsWhyAndFallsBack() {
    LabRun run = LabRun.of(new Lab05SeeYourHandshake(), "--port", "0", "--interface", "nosuch0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("[lab 05] cannot capture live: there is no capture device named nosuch0")
        .doesNotContain("setcap")
        .contains("showing the capture bundled with this lab instead");
    assertArithmeticIsNarrated(run.out());
  }

  /**
   * Runs the lab in a child JVM that is root but without CAP_NET_RAW (dropped by setpriv), so
   * libpcap meets the same refusal as an ordinary user.
   */
  @Test
  void withoutCaptureRightsItSaysWhyAndHowToGrantThemAndFallsBack() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process lab =
        new ProcessBuilder(
                "setpriv",
                "--bounding-set=-net_raw,-net_admin",
                "--inh-caps=-net_raw,-net_admin",
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Lab05SeeYourHandshake.class.getName(),
                "demo",
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    String out = new String(lab.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lab.waitFor(60, TimeUnit.SECONDS)).as("lab finished").isTrue();

    assertThat(lab.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("[lab 05] cannot capture live: no permission to capture on lo (")
        .contains(
            "[lab 05]   sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))\n")
        .contains("showing the capture bundled with this lab instead");
    assertArithmeticIsNarrated(out);
  }

  @Test
  void anUnwritableSaveFileIsOneLine() {
    LabRun run =
        LabRun.of(
            new Lab05SeeYourHandshake(),
            "--port",
            "0",
            "--save",
            dir.resolve("no-such-dir").resolve("x.pcap").toString());
    assertThat(run.assertOneLineError()).startsWith("error: cannot write the capture to ");
  }

  @Test
  void saveWithOfflineIsOneLine() {
    LabRun run =
        LabRun.of(
            new Lab05SeeYourHandshake(), "--offline", "--save", dir.resolve("x.pcap").toString());
    assertThat(run.assertOneLineError()).startsWith("error: --save writes a live capture");
  }

  /** Server and client as two separate runs, as in two terminals; the server captures. */
  @Test
  void serverCapturesTheExchangeOfAClientRunSeparately() throws Exception {
    int port = ClosedPort.tcp();
    StringWriter serverOut = new StringWriter();
    CountDownLatch waiting = new CountDownLatch(1);
    PrintWriter serverWriter =
        new PrintWriter(
            new Writer() {
              @Override
              public void write(char[] chars, int offset, int length) {
                serverOut.write(chars, offset, length);
                if (serverOut.toString().contains("waiting for one client")) {
                  waiting.countDown();
                }
              }

              @Override
              public void flush() {}

              @Override
              public void close() {}
            },
            true);
    CommandLine server = CommandRunner.configure(new CommandLine(new Lab05SeeYourHandshake()));
    server.setOut(serverWriter);
    server.setErr(serverWriter);
    FutureTask<Integer> serverRun =
        new FutureTask<>(() -> server.execute("server", "--port", String.valueOf(port)));
    Thread serverThread = new Thread(serverRun, "lab05-test-server");
    serverThread.start();
    try {
      assertThat(waiting.await(10, TimeUnit.SECONDS)).as("server ready: %s", serverOut).isTrue();

      LabRun client =
          LabRun.of(new Lab05SeeYourHandshake(), "client", "--port", String.valueOf(port));

      assertThat(client.exitCode()).as(client.err()).isZero();
      assertThat(client.out())
          .contains("[client] connect() returned: the kernels did the three-way handshake")
          .contains("[client] sent one datagram of 26 bytes");
      assertThat(serverRun.get(10, TimeUnit.SECONDS)).as(serverOut.toString()).isZero();
    } finally {
      serverThread.join(10_000);
    }
    assertThat(serverOut.toString())
        .contains("[server] accept() returned 127.0.0.1:")
        .contains("[server] one datagram of 26 bytes from 127.0.0.1:")
        .doesNotContain("cannot capture live");
    assertArithmeticIsNarrated(serverOut.toString());
  }

  @Test
  void aRefusedClientIsOneLine() throws Exception {
    int closedPort = ClosedPort.tcp();
    LabRun run =
        LabRun.of(new Lab05SeeYourHandshake(), "client", "--port", String.valueOf(closedPort));
    assertThat(run.assertOneLineError()).startsWith("error: connection refused");
  }

  @Test
  void aBusyPortIsOneLine() throws Exception {
    try (LoopbackExchange taken =
        LoopbackExchange.bind(0, new Narrator(new PrintWriter(new StringWriter()), "test"))) {
      LabRun run = LabRun.of(new Lab05SeeYourHandshake(), "--port", String.valueOf(taken.port()));
      assertThat(run.assertOneLineError()).startsWith("error: cannot listen there");
    }
  }

  /**
   * SYN, SYN+ACK, ACK; the client's 17 bytes and their ack; the echo and its ack; a FIN from each
   * side, each acknowledged with +1; then the datagram, outside any connection.
   */
  private static void assertOneConnectionThenOneDatagram(
      Conversation conversation, InetSocketAddress server, int dataLength, int datagramLength) {
    List<Segment> tcp = conversation.segments().stream().filter(s -> !s.udp()).toList();
    Segment syn = tcp.get(0);
    Segment synAck = tcp.get(1);
    Segment ack = tcp.get(2);
    assertThat(syn.flags()).isEqualTo("SYN");
    assertThat(syn.to()).isEqualTo(server);
    assertThat(synAck.flags()).isEqualTo("SYN+ACK");
    assertThat(synAck.acknowledgment()).isEqualTo(plus(syn.sequence(), 1));
    assertThat(ack.flags()).isEqualTo("ACK");
    assertThat(ack.sequence()).isEqualTo(plus(syn.sequence(), 1));
    assertThat(ack.acknowledgment()).isEqualTo(plus(synAck.sequence(), 1));

    Segment request = tcp.stream().filter(s -> s.payload().length > 0).findFirst().orElseThrow();
    assertThat(request.from()).isEqualTo(syn.from());
    assertThat(request.sequence()).isEqualTo(plus(syn.sequence(), 1));
    assertThat(request.payload()).hasSize(dataLength);
    Segment echo =
        tcp.stream()
            .filter(s -> s.payload().length > 0 && s.from().equals(server))
            .findFirst()
            .orElseThrow();
    assertThat(echo.sequence()).isEqualTo(plus(synAck.sequence(), 1));
    assertThat(tcp)
        .anySatisfy(
            s ->
                assertThat(
                        s.from().equals(server)
                            && s.acknowledgment() == plus(request.sequence(), dataLength))
                    .isTrue());

    List<Segment> fins = tcp.stream().filter(Segment::fin).toList();
    assertThat(fins).hasSize(2);
    Segment clientFin = fins.get(0);
    Segment serverFin = fins.get(1);
    assertThat(clientFin.from()).isEqualTo(syn.from());
    assertThat(clientFin.sequence()).isEqualTo(plus(request.sequence(), dataLength));
    assertThat(serverFin.from()).isEqualTo(server);
    assertThat(serverFin.sequence()).isEqualTo(plus(echo.sequence(), dataLength));
    assertThat(serverFin.acknowledgment()).isEqualTo(plus(clientFin.sequence(), 1));
    Segment lastTcp = tcp.get(tcp.size() - 1);
    assertThat(lastTcp.flags()).isEqualTo("ACK");
    assertThat(lastTcp.acknowledgment()).isEqualTo(plus(serverFin.sequence(), 1));
    assertThat(tcp).noneMatch(Segment::rst);
    assertThat(tcp.indexOf(clientFin)).isLessThan(tcp.indexOf(serverFin));

    List<Segment> datagrams = conversation.segments().stream().filter(Segment::udp).toList();
    assertThat(datagrams)
        .singleElement()
        .satisfies(
            datagram -> {
              assertThat(datagram.payload()).hasSize(datagramLength);
              assertThat(datagram.to().getAddress()).isEqualTo(server.getAddress());
            });
  }

  private static void assertArithmeticIsNarrated(String out) {
    assertThat(out)
        .containsPattern("  1 +[\\d.]+  client:\\d+ > server:\\d+ +SYN +0 +- +0\n")
        .containsPattern("  2 +[\\d.]+  server:\\d+ > client:\\d+ +SYN\\+ACK +0 +1 +0\n")
        .contains("<- the server's own random ISN; ack 1 = client seq 0 + 1 for the SYN")
        .containsPattern("  3 +[\\d.]+  client:\\d+ > server:\\d+ +ACK +1 +1 +0\n")
        .contains("<- ack 1 = server seq 0 + 1 for the SYN")
        .containsPattern(
            "client:\\d+ > server:\\d+ +PSH\\+ACK +1 +1 +17  \"hello, handshake\\\\n\"")
        .contains("<- ack 18 = client seq 1 + 17 bytes")
        .contains("<- ack 18 = server seq 1 + 17 bytes")
        .containsPattern("client:\\d+ > server:\\d+ +FIN\\+ACK +18 +18 +0\n")
        .contains("<- ack 19 = client seq 18 + 1 for the FIN")
        .contains("<- ack 19 = server seq 18 + 1 for the FIN")
        .containsPattern("client:\\d+ > server:\\d+ +UDP +- +- +26  \"one datagram, no handshake\"")
        .contains("UDP, length 26\n")
        .contains("<- no connection, no seq/ack, no reply: one datagram, one packet");
  }

  private static int countRows(String out) {
    return (int) out.lines().filter(line -> line.matches(" +\\d+ +[\\d.]+  .*")).count();
  }

  private static long plus(long sequence, long amount) {
    return (sequence + amount) & MOD_32;
  }
}
