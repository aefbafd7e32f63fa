package dev.wirelab.inspector.output;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.Layer;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --stats}: packet and byte counts, the protocol hierarchy and the conversations, printed at
 * the end.
 */
public final class StatsSink implements FrameSink {
  private static final int MAX_CONVERSATIONS = 30;

  private static final class Counter {
    long frames;
    long bytes;
    final Map<String, Counter> children = new LinkedHashMap<>();

    void count(int len) {
      frames++;
      bytes += len;
    }
  }

  private final Writer out;
  private final Counter hierarchy = new Counter();
  private final Map<String, Counter> conversations = new LinkedHashMap<>();
  private long captured;
  private long malformed;
  private long firstSeconds = Long.MIN_VALUE;
  private double firstTime;
  private double lastTime;

  public StatsSink(Writer out) {
    this.out = out;
  }

  @Override
  public void accept(DecodedFrame frame) {
    double time = frame.seconds() + frame.nanos() / 1e9;
    if (firstSeconds == Long.MIN_VALUE) {
      firstSeconds = frame.seconds();
      firstTime = time;
    }
    lastTime = time;
    hierarchy.count(frame.len());
    captured += frame.capLen();
    if (frame.isMalformed()) {
      malformed++;
    }
    Counter node = hierarchy;
    for (Layer layer : frame.layers()) {
      node = node.children.computeIfAbsent(layer.protocol(), name -> new Counter());
      node.count(frame.len());
    }
    String conversation = conversation(frame.json());
    if (conversation != null) {
      conversations.computeIfAbsent(conversation, key -> new Counter()).count(frame.len());
    }
  }

  /** "TCP 10.0.0.1:5000 <-> 10.0.0.2:80", the lower endpoint first so both directions meet. */
  private static String conversation(Map<String, Object> json) {
    Object src = json.get("ip.src");
    Object dst = json.get("ip.dst");
    if (src == null || dst == null) {
      return null;
    }
    String kind =
        json.containsKey("tcp.srcport") ? "tcp" : json.containsKey("udp.srcport") ? "udp" : null;
    String a = kind == null ? src.toString() : endpoint(src, json.get(kind + ".srcport"));
    String b = kind == null ? dst.toString() : endpoint(dst, json.get(kind + ".dstport"));
    String name = kind == null ? "IPv" + json.get("ip.version") : kind.toUpperCase(Locale.ROOT);
    return a.compareTo(b) <= 0 ? name + " " + a + " <-> " + b : name + " " + b + " <-> " + a;
  }

  private static String endpoint(Object address, Object port) {
    String host = address.toString();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public void finish() throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("Frames: ")
        .append(hierarchy.frames)
        .append(", bytes on the wire: ")
        .append(hierarchy.bytes)
        .append(", captured: ")
        .append(captured)
        .append(", malformed frames: ")
        .append(malformed)
        .append('\n');
    if (hierarchy.frames > 0) {
      text.append(String.format(Locale.ROOT, "Duration: %.6f s%n", lastTime - firstTime));
    }
    text.append("\nProtocol hierarchy                          frames        bytes\n");
    hierarchy.children.forEach((name, node) -> tree(text, name, node, 1));
    text.append(
        "\nConversations                                                   frames        bytes\n");
    List<Map.Entry<String, Counter>> sorted = new ArrayList<>(conversations.entrySet());
    sorted.sort((x, y) -> Long.compare(y.getValue().frames, x.getValue().frames));
    for (Map.Entry<String, Counter> entry :
        sorted.subList(0, Math.min(MAX_CONVERSATIONS, sorted.size()))) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-60s %8d %12d%n",
              entry.getKey(),
              entry.getValue().frames,
              entry.getValue().bytes));
    }
    if (sorted.size() > MAX_CONVERSATIONS) {
      text.append("  ... and ")
          .append(sorted.size() - MAX_CONVERSATIONS)
          .append(" smaller conversations\n");
    }
    out.append(text);
  }

  private static void tree(StringBuilder text, String name, Counter node, int depth) {
    String label = "  ".repeat(depth) + name;
    text.append(String.format(Locale.ROOT, "%-40s %10d %12d%n", label, node.frames, node.bytes));
    node.children.forEach((child, childNode) -> tree(text, child, childNode, depth + 1));
  }
}
