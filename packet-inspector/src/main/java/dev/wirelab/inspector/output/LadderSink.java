package dev.wirelab.inspector.output;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.TcpSegment;
import dev.wirelab.inspector.model.TcpStory;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --ladder}: the time-sequence diagram of one TCP connection that every textbook draws,
 * client on the left, server on the right, one arrow per segment (SYN, data with seq/ack/len, FIN),
 * what the analysis found written on the arrow; in the terminal, or as an SVG picture ({@code
 * --ladder-svg}). At most {@link #MAX_ROWS} segments are drawn, so memory stays bounded.
 */
public final class LadderSink implements FrameSink {
  static final int MAX_ROWS = 2000;
  private static final int MIN_WIDTH = 44;
  private static final int[] FLAG_BITS = {
    TcpSegment.SYN, TcpSegment.FIN, TcpSegment.RST, TcpSegment.PSH, TcpSegment.ACK, TcpSegment.URG
  };
  private static final String[] FLAG_NAMES = {"SYN", "FIN", "RST", "PSH", "ACK", "URG"};

  private record Row(long frame, long nanos, boolean fromClient, String text, boolean flagged) {}

  private final Writer out;
  private final int stream;
  private final Path svg;
  private final List<Row> rows = new ArrayList<>();
  private String client;
  private String server;
  private long firstNanos;
  private long more;

  /**
   * @param svg where to write the picture, or null to draw in the terminal
   */
  public LadderSink(Writer out, int stream, Path svg) {
    this.out = out;
    this.stream = stream;
    this.svg = svg;
  }

  @Override
  public void accept(DecodedFrame frame) {
    TcpSegment segment = frame.tcpSegment();
    TcpStory story = frame.tcpStory();
    if (segment == null || story == null || segment.stream() != stream) {
      return;
    }
    long nanos = frame.seconds() * 1_000_000_000L + frame.nanos();
    if (client == null) {
      firstNanos = nanos;
      client = endpoint(segment, segment.fromClient());
      server = endpoint(segment, !segment.fromClient());
    }
    if (rows.size() >= MAX_ROWS) {
      more++;
      return;
    }
    rows.add(
        new Row(
            frame.number(),
            nanos - firstNanos,
            segment.fromClient(),
            label(segment, story),
            !story.labels().isEmpty()));
  }

  private static String endpoint(TcpSegment segment, boolean sender) {
    String address = sender ? segment.srcAddress() : segment.dstAddress();
    int port = sender ? segment.srcPort() : segment.dstPort();
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }

  /** "SYN seq 0", "PSH/ACK seq 1:101 ack 1 len 100 [retransmission]". */
  static String label(TcpSegment segment, TcpStory story) {
    List<String> flags = new ArrayList<>(3);
    for (int i = 0; i < FLAG_BITS.length; i++) {
      if (segment.has(FLAG_BITS[i])) {
        flags.add(FLAG_NAMES[i]);
      }
    }
    StringBuilder text =
        new StringBuilder(String.join("/", flags)).append(" seq ").append(story.relativeSeq());
    if (segment.wireLength() > 0) {
      text.append(':').append(story.relativeSeq() + segment.wireLength());
    }
    if (segment.has(TcpSegment.ACK)) {
      text.append(" ack ").append(story.relativeAck());
    }
    if (segment.wireLength() > 0) {
      text.append(" len ").append(segment.wireLength());
    }
    for (String flag : story.labels()) {
      text.append(" [").append(flag).append(']');
    }
    return text.toString();
  }

  @Override
  public void finish() throws IOException {
    if (client == null) {
      out.append("no TCP stream ").append(String.valueOf(stream)).append(" in this capture\n");
      return;
    }
    if (svg != null) {
      Files.writeString(svg, svg(), StandardCharsets.UTF_8);
      out.append("ladder of TCP stream ")
          .append(String.valueOf(stream))
          .append(" (")
          .append(String.valueOf(rows.size()))
          .append(" segments) written to ")
          .append(svg.toString())
          .append('\n');
      return;
    }
    out.append(terminal());
  }

  private String terminal() {
    int width = MIN_WIDTH;
    for (Row row : rows) {
      width = Math.max(width, row.text.length() + 10);
    }
    StringBuilder text = new StringBuilder();
    text.append("TCP stream ")
        .append(stream)
        .append(": client ")
        .append(client)
        .append(", server ")
        .append(server)
        .append("; times in seconds from its first segment\n\n");
    int line = width + 3;
    text.append(
        String.format(
            Locale.ROOT,
            "%10s %6s  %-" + Math.max(1, line - server.length()) + "s%s%n",
            "time",
            "frame",
            client,
            server));
    for (Row row : rows) {
      text.append(String.format(Locale.ROOT, "%10.6f %6d  |", row.nanos / 1e9, row.frame));
      int dashes = width - row.text.length() - 4;
      if (row.fromClient) {
        text.append("-- ").append(row.text).append(' ').append("-".repeat(dashes)).append(">|");
      } else {
        text.append("<").append("-".repeat(dashes)).append(' ').append(row.text).append(" --|");
      }
      text.append('\n');
    }
    if (more > 0) {
      text.append("... and ").append(more).append(" more segments, not drawn\n");
    }
    return text.toString();
  }

  /**
   * The same diagram as an SVG picture: arrows slope down, as time passes while a segment travels.
   */
  String svg() {
    int left = 230;
    int right = 830;
    int top = 90;
    int step = 36;
    int height = top + step * rows.size() + 60;
    StringBuilder s = new StringBuilder(4096);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"")
        .append(height)
        .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">\n")
        .append(
            "<defs><marker id=\"r\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                + " markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c0392b\"/></marker>"
                + "<marker id=\"b\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                + " markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1f4e79\"/></marker></defs>\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
        .append(
            "<text x=\"480\" y=\"24\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">TCP stream ")
        .append(stream)
        .append("</text>\n");
    label(s, left, 56, "client " + client, "middle", "bold");
    label(s, right, 56, "server " + server, "middle", "bold");
    label(s, 20, 56, "time (s)", "start", "bold");
    int bottom = top + step * rows.size() + 20;
    s.append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(top - 20)
        .append("\" x2=\"")
        .append(left)
        .append("\" y2=\"")
        .append(bottom)
        .append("\" stroke=\"#333\" stroke-width=\"2\"/>\n");
    s.append("<line x1=\"")
        .append(right)
        .append("\" y1=\"")
        .append(top - 20)
        .append("\" x2=\"")
        .append(right)
        .append("\" y2=\"")
        .append(bottom)
        .append("\" stroke=\"#333\" stroke-width=\"2\"/>\n");
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      int y = top + step * i;
      int from = row.fromClient ? left : right;
      int to = row.fromClient ? right : left;
      String colour = row.flagged ? "#c0392b" : "#1f4e79";
      label(s, 20, y + 4, String.format(Locale.ROOT, "%.6f", row.nanos / 1e9), "start", "normal");
      s.append("<line x1=\"")
          .append(from)
          .append("\" y1=\"")
          .append(y)
          .append("\" x2=\"")
          .append(to)
          .append("\" y2=\"")
          .append(y + step - 12)
          .append("\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"1.6\" marker-end=\"url(#")
          .append(row.flagged ? 'r' : 'b')
          .append(")\"/>\n");
      // Above the middle of its arrow, which is half a row lower there.
      s.append("<text x=\"")
          .append((left + right) / 2)
          .append("\" y=\"")
          .append(y + 3)
          .append("\" text-anchor=\"middle\" fill=\"")
          .append(colour)
          .append("\">")
          .append(escape(row.text))
          .append("</text>\n");
    }
    if (more > 0) {
      label(
          s, 480, bottom + 25, "... and " + more + " more segments, not drawn", "middle", "normal");
    }
    return s.append("</svg>\n").toString();
  }

  private static void label(
      StringBuilder s, int x, int y, String text, String anchor, String weight) {
    s.append("<text x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" font-weight=\"")
        .append(weight)
        .append("\">")
        .append(escape(text))
        .append("</text>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
