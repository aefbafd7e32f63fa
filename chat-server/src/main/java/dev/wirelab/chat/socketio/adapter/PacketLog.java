package dev.wirelab.chat.socketio.adapter;

import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The broadcast packets of a namespace, numbered, kept for replay: at most {@code maxPackets}, none
 * older than {@code maxAgeMillis}. Offsets are {@code <epoch>-<number>}, both decimal, so they have
 * the shape of Redis stream entry ids, which is what the Node streams adapter's offsets are. The
 * epoch is the log's start in epoch milliseconds, unique in this process and later than any earlier
 * run's, so an offset from an earlier server run is unknown instead of wrongly matching.
 *
 * <p>Not thread-safe: the adapter guards it with its broadcast lock.
 */
final class PacketLog {
  private record Entry(
      long number, BroadcastOptions options, EncodedPacket packet, long loggedAtMillis) {}

  /** The last epoch given out: two logs started in the same millisecond get different ones. */
  private static final AtomicLong LAST_EPOCH = new AtomicLong();

  private final String epoch;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final int maxPackets;
  private final long maxAgeMillis;
  private long nextNumber = 1;

  PacketLog(int maxPackets, long maxAgeMillis, long startMillis) {
    this.epoch = Long.toString(LAST_EPOCH.updateAndGet(last -> Math.max(last + 1, startMillis)));
    this.maxPackets = maxPackets;
    this.maxAgeMillis = maxAgeMillis;
  }

  /** The offset the next appended packet gets. */
  String nextOffset() {
    return offset(nextNumber);
  }

  /** The offset of the newest packet (which may have been evicted already). */
  String lastOffset() {
    return offset(nextNumber - 1);
  }

  /** Logs a packet under {@link #nextOffset()}. */
  void append(BroadcastOptions options, EncodedPacket packet, long nowMillis) {
    entries.addLast(new Entry(nextNumber++, options, packet, nowMillis));
    if (entries.size() > maxPackets) {
      entries.removeFirst();
    }
    evictOlderThan(nowMillis - maxAgeMillis);
  }

  /**
   * The packets after {@code offset} that a socket in {@code rooms} received, or empty when the
   * offset is unknown or some packet after it has been evicted: then no exact replay exists.
   */
  Optional<List<EncodedPacket>> after(String offset, Collection<String> rooms, long nowMillis) {
    evictOlderThan(nowMillis - maxAgeMillis);
    long number = parse(offset);
    long oldestKept = nextNumber - entries.size();
    if (number < oldestKept - 1 || number >= nextNumber) {
      return Optional.empty();
    }
    List<EncodedPacket> missed = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.number() > number && entry.options().matches(rooms)) {
        missed.add(entry.packet());
      }
    }
    return Optional.of(missed);
  }

  private void evictOlderThan(long cutoffMillis) {
    while (!entries.isEmpty() && entries.peekFirst().loggedAtMillis() < cutoffMillis) {
      entries.removeFirst();
    }
  }

  private String offset(long number) {
    return epoch + "-" + number;
  }

  private long parse(String offset) {
    String prefix = epoch + "-";
    if (offset == null || !offset.startsWith(prefix)) {
      return -1;
    }
    try {
      return Long.parseLong(offset.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
