package dev.wirelab.chat.socketio.cluster.redis;

import java.util.regex.Pattern;

/**
 * A Redis stream entry id, {@code <milliseconds>-<sequence>}: the offset of a broadcast in the
 * streams adapter's protocol, the same on every node.
 */
record StreamId(long millis, long sequence) implements Comparable<StreamId> {
  /** What the Node adapter accepts as an offset ({@code restoreSession}'s check). */
  private static final Pattern SHAPE = Pattern.compile("[0-9]+-[0-9]+");

  /** The id before any entry: the last id of an empty stream. */
  static final StreamId ZERO = new StreamId(0, 0);

  /** The id {@code text} spells, or null when it is not one. */
  static StreamId parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return null;
    }
    int dash = text.indexOf('-');
    try {
      return new StreamId(
          Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
    } catch (NumberFormatException e) {
      return null; // more digits than a long holds
    }
  }

  /** The smallest id after this one: an exclusive range start that works before Redis 6.2. */
  StreamId next() {
    return new StreamId(millis, sequence + 1);
  }

  @Override
  public int compareTo(StreamId other) {
    int byMillis = Long.compare(millis, other.millis);
    return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
  }

  @Override
  public String toString() {
    return millis + "-" + sequence;
  }
}
