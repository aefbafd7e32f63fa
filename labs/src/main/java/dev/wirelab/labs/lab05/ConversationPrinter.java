package dev.wirelab.labs.lab05;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prints a captured conversation one packet per line, TCP sequence and acknowledgment numbers both
 * relative (as Wireshark shows them) and raw, and under each acknowledgment the sum that produced
 * it: {@code ack 18 = client seq 1 + 17 bytes}.
 */
public final class ConversationPrinter {
  private static final long MOD_32 = 0xffffffffL;

  private final PrintWriter out;
  private final PacketLine packetLine = new PacketLine();

  public ConversationPrinter(PrintWriter out) {
    this.out = out;
  }

  public void print(Conversation conversation) {
    Numbering numbering = new Numbering(conversation);
    long start = conversation.segments().isEmpty() ? 0 : conversation.segments().get(0).micros();
    line(
        " %3s %8s  %-27s %-8s %6s %6s %4s",
        "#", "time ms", "from > to", "flags", "seq", "ack", "len");
    int number = 0;
    for (Segment segment : conversation.segments()) {
      number++;
      String time = String.format(Locale.ROOT, "%8.3f", (segment.micros() - start) / 1000.0);
      if (segment.udp()) {
        line(
            " %3d %s  %-27s %-8s %6s %6s %4d  %s",
            number,
            time,
            // The lab's client sends its datagram from a socket of its own to the server's port.
            "client:" + segment.from().getPort() + " > server:" + segment.to().getPort(),
            "UDP",
            "-",
            "-",
            segment.payload().length,
            quoted(segment.payload()));
        line(" %3s %8s  %s", "", "", packetLine.describe(segment));
        line(
            " %3s %8s  %s",
            "", "", "<- no connection, no seq/ack, no reply: one datagram, one packet");
        continue;
      }
      numbering.learn(segment);
      line(
          " %3d %s  %-27s %-8s %6d %6s %4d  %s",
          number,
          time,
          numbering.name(segment.from()) + " > " + numbering.name(segment.to()),
          segment.flags(),
          numbering.relativeSequence(segment),
          segment.ack() ? String.valueOf(numbering.relativeAcknowledgment(segment)) : "-",
          segment.payload().length,
          segment.payload().length > 0 ? quoted(segment.payload()) : "");
      line(" %3s %8s  %s", "", "", packetLine.describe(segment));
      numbering.explain(segment).ifPresent(why -> line(" %3s %8s  %s", "", "", why));
      numbering.remember(segment);
    }
    out.flush();
  }

  /** Formats one line; rows without data would otherwise end in blanks. */
  private void line(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args).stripTrailing());
  }

  private static String quoted(byte[] payload) {
    return "\"" + new String(payload, StandardCharsets.UTF_8).replace("\n", "\\n") + "\"";
  }

  /**
   * Remembers each side's initial sequence number and, for every segment, the sequence number that
   * acknowledges it, so an acknowledgment can be traced back to what it confirms.
   */
  private static final class Numbering {
    private final Conversation conversation;
    private final Map<InetSocketAddress, Long> initialSequence = new HashMap<>();

    /** Per sender: the ack value that would confirm a segment, and how it is made up. */
    private final Map<InetSocketAddress, Map<Long, String>> confirmedBy = new HashMap<>();

    Numbering(Conversation conversation) {
      this.conversation = conversation;
    }

    String role(InetSocketAddress endpoint) {
      return conversation.client().map(endpoint::equals).orElse(false) ? "client" : "server";
    }

    String name(InetSocketAddress endpoint) {
      return role(endpoint) + ":" + endpoint.getPort();
    }

    /** A SYN carries its sender's initial sequence number: from here on, count from it. */
    void learn(Segment segment) {
      if (segment.syn()) {
        initialSequence.put(segment.from(), segment.sequence());
      }
    }

    long relativeSequence(Segment segment) {
      return relative(segment.sequence(), segment.from());
    }

    long relativeAcknowledgment(Segment segment) {
      return relative(segment.acknowledgment(), segment.to());
    }

    private long relative(long raw, InetSocketAddress sender) {
      return (raw - initialSequence.getOrDefault(sender, 0L)) & MOD_32;
    }

    /** Why this segment's numbers are what they are, where the table alone does not say. */
    Optional<String> explain(Segment segment) {
      if (segment.syn() && !segment.ack()) {
        return Optional.of(
            "<- the client's initial sequence number (ISN), chosen at random, shown as 0");
      }
      String prefix = segment.syn() ? "<- the server's own random ISN; " : "<- ";
      String sum =
          segment.ack()
              ? confirmedBy.getOrDefault(segment.to(), Map.of()).remove(segment.acknowledgment())
              : null;
      if (sum == null) {
        return Optional.empty();
      }
      return Optional.of(prefix + "ack " + relativeAcknowledgment(segment) + " = " + sum);
    }

    void remember(Segment segment) {
      long space = segment.sequenceSpace();
      if (space == 0) {
        return;
      }
      String what =
          segment.syn()
              ? "1 for the SYN"
              : segment.fin() && segment.payload().length == 0
                  ? "1 for the FIN"
                  : segment.payload().length + " bytes" + (segment.fin() ? " + 1 for the FIN" : "");
      long next = (segment.sequence() + space) & MOD_32;
      confirmedBy
          .computeIfAbsent(segment.from(), sender -> new HashMap<>())
          .put(next, role(segment.from()) + " seq " + relativeSequence(segment) + " + " + what);
    }
  }
}
