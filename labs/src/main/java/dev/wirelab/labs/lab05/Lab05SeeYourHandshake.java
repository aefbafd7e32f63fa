package dev.wirelab.labs.lab05;

import dev.wirelab.common.cli.UserError;
import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.PortConverter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Lab 05, a capture of your own traffic: run {@code ./wirelab lab 05 demo} (as root, or with
 * capture rights) and see SYN, SYN+ACK, ACK, the data, the FINs, and a lone UDP datagram.
 */
@Command(
    name = "05",
    description = {
        "See your own handshake: capture loopback while a TCP connection opens,",
        "carries a line each way and closes, and a UDP datagram is sent.",
        "Demo only: the capture must see both ends, so both run here.",
        "No capture rights, or --offline: shows a capture bundled with the lab."},
    mixinStandardHelpOptions = true)
public final class Lab05SeeYourHandshake implements Callable<Integer> {
  /** The whole exchange takes milliseconds on loopback; this only bounds a broken capture. */
  private static final long CAPTURE_TIMEOUT_MILLIS = 3_000;

  @Parameters(index = "0", arity = "0..1", defaultValue = "demo",
      description = "demo (the only mode of this lab; default: ${DEFAULT-VALUE})")
  LabMode mode;

  @Option(names = "--port", defaultValue = "9005", converter = PortConverter.class,
      description = "TCP and UDP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free ones)")
  int port;

  @Option(names = "--interface", defaultValue = "",
      description = "capture device (default: the loopback interface: lo, lo0, NPF_Loopback)")
  String device;

  @Option(names = "--offline", description = "show the bundled capture instead of capturing")
  boolean offline;

  @Option(names = "--save", description = "also write the live capture to this .pcap file")
  Path save;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab05SeeYourHandshake(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("lab 05 See your own handshake: mode=%s port=%d interface=%s offline=%s%s%n", mode,
        port, device.isEmpty() ? "(loopback)" : device, offline, save == null ? "" : " save=" + save);
    if (mode != LabMode.demo) {
      throw new UserError("lab 05 has only a demo mode: the capture must see both ends, "
          + "so both run in this process (try: ./wirelab lab 05 demo)");
    }
    if (offline && save != null) {
      throw new UserError("--save writes a live capture; with --offline there is none "
          + "(the bundled file is labs/src/main/resources/dev/wirelab/labs/lab05/handshake.pcap)");
    }
    Narrator narrator = new Narrator(out, "lab 05");
    Conversation conversation = offline ? bundled(narrator) : live(narrator);
    narrator.heading("what the wire saw");
    new ConversationPrinter(out).print(conversation);
    narrator.heading("what to notice");
    narrator.say("TCP: %d packets for %d bytes each way; UDP: %d packet for %d bytes",
        conversation.segments().stream().filter(s -> !s.udp()).count(),
        LoopbackExchange.TCP_MESSAGE.length,
        conversation.segments().stream().filter(Segment::udp).count(),
        LoopbackExchange.UDP_MESSAGE.length);
    narrator.say("SYN and FIN carry no data, yet each uses up one sequence number: hence the +1");
    return 0;
  }

  private Conversation live(Narrator narrator) throws Exception {
    try (LoopbackExchange exchange = LoopbackExchange.bind(port)) {
      LiveCapture capture;
      try {
        capture = LiveCapture.start(device, exchange.tcpPort(), exchange.udpPort(), Optional.ofNullable(save));
      } catch (CaptureUnavailable why) {
        narrator.say("cannot capture live: %s", why.getMessage());
        if (why.permissionDenied()) {
          CaptureUnavailable.howToGrant().forEach(line -> narrator.say("%s", line));
        }
        narrator.say("showing the capture bundled with this lab instead (same exchange, port 9005)");
        return BundledCapture.read();
      }
      try (capture) {
        narrator.heading("capturing " + capture.description() + ", then running the exchange");
        exchange.run(narrator);
        Conversation conversation = capture.readUntilComplete(CAPTURE_TIMEOUT_MILLIS);
        if (!conversation.isComplete()) {
          narrator.say("the capture stopped after %d ms without the whole exchange; "
              + "showing the %d packets it has", CAPTURE_TIMEOUT_MILLIS, conversation.segments().size());
        }
        if (save != null) {
          narrator.say("saved the capture to %s (open it with tshark -r or Wireshark)", save);
        }
        return conversation;
      }
    }
  }

  private static Conversation bundled(Narrator narrator) throws Exception {
    narrator.say("--offline: showing the capture bundled with this lab (recorded on Linux, port 9005)");
    return BundledCapture.read();
  }
}
