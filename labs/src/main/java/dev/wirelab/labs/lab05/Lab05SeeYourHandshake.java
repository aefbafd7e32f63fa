package dev.wirelab.labs.lab05;

import dev.wirelab.labs.support.BadOption;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lab 05, a capture of your own traffic: run {@code ./wirelab lab 05 demo} (as root, or with
 * capture rights) and see SYN, SYN+ACK, ACK, the data, the FINs, and a lone UDP datagram.
 */
@Command(
    name = "05",
    description = {
      "See your own handshake: capture while a TCP connection opens, carries a line",
      "each way and closes, and a UDP datagram is sent; see the seq/ack arithmetic.",
      "demo: both ends here, on loopback. server: capture and serve one exchange;",
      "client: run it against a server. No capture rights, or --offline: shows a",
      "capture bundled with the lab."
    },
    mixinStandardHelpOptions = true)
public final class Lab05SeeYourHandshake implements Callable<Integer> {
  /**
   * The exchange takes milliseconds on loopback, and the capture ends as soon as it has seen the
   * last ACK of the teardown; this only bounds a broken capture, with room for a classroom machine
   * whose cores are busy with other work.
   */
  private static final long CAPTURE_TIMEOUT_MILLIS = 20_000;

  private static final int CLIENT_TIMEOUT_MILLIS = 5_000;

  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--interface",
      paramLabel = "DEVICE",
      defaultValue = "",
      description =
          "capture device (default: the loopback interface: lo, lo0, NPF_Loopback; "
              + "a server on another address captures on 'any')")
  String device;

  @Option(names = "--offline", description = "demo: show the bundled capture instead of capturing")
  boolean offline;

  @Option(
      names = "--save",
      paramLabel = "FILE",
      description = "also write the live capture to this .pcap file")
  Path save;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab05SeeYourHandshake(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf(
        "lab 05 See your own handshake: %s%s%n",
        endpoint,
        endpoint.mode() == LabMode.client
            ? ""
            : " interface="
                + (device.isEmpty() ? "(loopback)" : device)
                + " offline="
                + offline
                + (save == null ? "" : " save=" + save));
    if (offline && save != null) {
      throw BadOption.because(
          "--save writes a live capture; with --offline there is none "
              + "(the bundled file is labs/src/main/resources/dev/wirelab/labs/lab05/handshake.pcap)");
    }
    Narrator narrator = new Narrator(out, "lab 05");
    switch (endpoint.mode()) {
      case demo -> show(out, narrator, offline ? bundled(narrator) : demo(narrator));
      case server -> show(out, narrator, serveOneExchange(narrator));
      case client -> runAsClient(narrator.as("client"));
    }
    return 0;
  }

  private Conversation demo(Narrator narrator) throws Exception {
    try (LoopbackExchange exchange = LoopbackExchange.bind(endpoint.port(), narrator)) {
      return captureWhile(exchange.port(), device, narrator, exchange::run);
    }
  }

  /** Waits for one client, captures everything it does, then shows it. */
  private Conversation serveOneExchange(Narrator narrator) throws Exception {
    Narrator server = narrator.as("server");
    try (ExchangeServer exchange =
        ExchangeServer.bind(endpoint.host(), endpoint.port(), 0, server)) {
      // Traffic to a server on a real interface does not cross loopback.
      String captureOn =
          device.isEmpty() && !exchange.address().getAddress().isLoopbackAddress() ? "any" : device;
      return captureWhile(
          exchange.address().getPort(),
          captureOn,
          narrator,
          () -> {
            server.say(
                "waiting for one client: ./wirelab lab 05 client --host %s --port %d",
                endpoint.host(), exchange.address().getPort());
            exchange.accept();
            exchange.echoTheLine();
            exchange.closeAfterTheClient();
            exchange.receiveTheDatagram();
          });
    }
  }

  private void runAsClient(Narrator narrator) throws IOException {
    InetSocketAddress server =
        new InetSocketAddress(InetAddress.getByName(endpoint.host()), endpoint.port());
    try (ExchangeClient client = new ExchangeClient(narrator)) {
      client.connect(server, CLIENT_TIMEOUT_MILLIS);
      client.sendTheLine();
      client.readTheEchoAndClose();
      client.sendTheDatagram(server);
    }
    narrator.say("the server's terminal shows the packets this made");
  }

  /** The lab's traffic, run while the capture watches. */
  private interface Traffic {
    void run() throws IOException;
  }

  /**
   * Runs {@code traffic} under a live capture of {@code port}. Without one, explains why, still
   * runs the traffic (a client may be waiting for it), and returns the bundled capture.
   */
  private Conversation captureWhile(
      int capturedPort, String captureOn, Narrator narrator, Traffic traffic) throws Exception {
    LiveCapture capture;
    try {
      capture = LiveCapture.start(captureOn, capturedPort, Optional.ofNullable(save));
    } catch (CaptureUnavailable why) {
      narrator.say("cannot capture live: %s", why.getMessage());
      if (why.permissionDenied()) {
        CaptureUnavailable.howToGrant().forEach(line -> narrator.say("%s", line));
      }
      traffic.run();
      narrator.say("showing the capture bundled with this lab instead (same exchange, port 9005)");
      return BundledCapture.read();
    }
    try (capture) {
      narrator.heading("capturing " + capture.description() + ", then running the exchange");
      traffic.run();
      Conversation conversation = capture.readUntilComplete(CAPTURE_TIMEOUT_MILLIS);
      if (!conversation.isComplete()) {
        narrator.say(
            "the capture stopped after %d s without the whole exchange; showing the %s it has",
            CAPTURE_TIMEOUT_MILLIS / 1000, packets(conversation.segments().size()));
        narrator.say(
            "run the lab again when the machine is less busy, or add --offline to see the "
                + "bundled capture of the same exchange");
      }
      if (save != null) {
        narrator.say("saved the capture to %s (open it with tshark -r or Wireshark)", save);
      }
      return conversation;
    }
  }

  private static Conversation bundled(Narrator narrator) throws Exception {
    narrator.say(
        "--offline: showing the capture bundled with this lab (recorded on Linux, port 9005)");
    return BundledCapture.read();
  }

  private static void show(PrintWriter out, Narrator narrator, Conversation conversation) {
    narrator.heading("what the wire saw");
    new ConversationPrinter(out).print(conversation);
    narrator.heading("what to notice");
    narrator.say(
        "TCP: %s for %d bytes each way; UDP: %s for %d bytes",
        packets(conversation.segments().stream().filter(s -> !s.udp()).count()),
        ExchangeClient.TCP_MESSAGE.length,
        packets(conversation.segments().stream().filter(Segment::udp).count()),
        ExchangeClient.UDP_MESSAGE.length);
    narrator.say("SYN and FIN carry no data, yet each uses up one sequence number: hence the +1");
  }

  static String packets(long count) {
    return count + (count == 1 ? " packet" : " packets");
  }
}
