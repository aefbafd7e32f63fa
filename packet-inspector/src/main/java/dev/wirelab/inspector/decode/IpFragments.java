package dev.wirelab.inspector.decode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts IPv4 and IPv6 datagrams back together from their fragments, as a receiving host does, so the
 * datagram is decoded on the frame that completes it (tshark with defragmentation on).
 *
 * <p>Bounded like a host's reassembly queue: a datagram whose last fragment does not arrive within
 * {@link #TIMEOUT_SECONDS} of capture time is dropped (RFC 8200's 60 s), at most {@link
 * #MAX_DATAGRAMS} wait at once and {@link #MAX_BUFFERED_BYTES} in all, and a datagram may not grow
 * past 65 535 bytes. Overlapping fragments make the whole datagram invalid, as RFC 5722 requires
 * (an exact copy of a fragment already held is a retransmission and is ignored).
 */
final class IpFragments {
  static final long TIMEOUT_SECONDS = 60;
  static final int MAX_DATAGRAMS = 1024;
  static final int MAX_BUFFERED_BYTES = 4 << 20;
  private static final int MAX_DATAGRAM = 65_535;

  /** Which datagram a fragment belongs to: RFC 791's and RFC 8200's identifying fields. */
  record Key(int version, String src, String dst, int protocol, long id) {}

  /** What adding one fragment led to; {@code datagram} is non-null when it completed one. */
  record Outcome(String note, byte[] datagram, int protocol, List<Long> frames) {}

  private static final class Pending {
    final long firstSeconds;
    final TreeMap<Integer, byte[]> pieces = new TreeMap<>();
    final List<Long> frames = new ArrayList<>(2);
    int protocol = -1;
    int total = -1;
    int bytes;
    boolean overlapped;

    Pending(long firstSeconds) {
      this.firstSeconds = firstSeconds;
    }
  }

  private final Map<Key, Pending> pending = new LinkedHashMap<>();
  private int bufferedBytes;

  /**
   * Adds one fragment's payload.
   *
   * @param protocol the protocol the datagram carries, when this fragment says so (IPv6 puts it in
   *     every fragment header, IPv4 in every header); the first fragment's wins
   */
  Outcome add(
      Key key,
      long frame,
      long seconds,
      int offset,
      boolean more,
      int protocol,
      byte[] data,
      int from,
      int length) {
    expire(seconds);
    Pending datagram = pending.get(key);
    if (datagram == null) {
      if (pending.size() >= MAX_DATAGRAMS) {
        dropOldest();
      }
      datagram = new Pending(seconds);
      pending.put(key, datagram);
    }
    if (offset + length > MAX_DATAGRAM) {
      forget(key, datagram);
      return new Outcome(
          "fragment ends at byte "
              + (offset + length)
              + ", past the largest possible datagram: the datagram is discarded",
          null,
          -1,
          List.of());
    }
    if (datagram.overlapped) {
      return new Outcome(
          "belongs to a datagram already discarded for overlapping fragments", null, -1, List.of());
    }
    if (!more) {
      datagram.total = offset + length;
    }
    if (offset == 0 || datagram.protocol < 0) {
      datagram.protocol = protocol;
    }
    byte[] same = datagram.pieces.get(offset);
    if (same != null && same.length == length && equal(same, data, from)) {
      return new Outcome(
          "an exact copy of bytes "
              + offset
              + "-"
              + (offset + length - 1)
              + ", already held: ignored (retransmitted)",
          null,
          -1,
          List.of());
    }
    String clash = place(datagram, frame, offset, data, from, length);
    if (clash != null) {
      datagram.overlapped = true;
      bufferedBytes -= datagram.bytes;
      datagram.bytes = 0;
      datagram.pieces.clear();
      return new Outcome(clash, null, -1, List.of());
    }
    if (bufferedBytes > MAX_BUFFERED_BYTES) {
      dropOldest();
    }
    byte[] whole = complete(datagram);
    if (whole == null) {
      return new Outcome(
          "bytes "
              + offset
              + "-"
              + (offset + length - 1)
              + " of the datagram; held until "
              + (datagram.total < 0 ? "the last fragment" : "the rest")
              + " arrives",
          null,
          -1,
          List.of());
    }
    forget(key, datagram);
    return new Outcome(
        "completes the datagram: "
            + datagram.pieces.size()
            + " fragments, "
            + whole.length
            + " bytes",
        whole,
        datagram.protocol,
        List.copyOf(datagram.frames));
  }

  /** Datagrams still waiting for fragments. */
  int waiting() {
    return pending.size();
  }

  private String place(
      Pending datagram, long frame, int offset, byte[] data, int from, int length) {
    Map.Entry<Integer, byte[]> before = datagram.pieces.floorEntry(offset + length - 1);
    if (before != null && before.getKey() + before.getValue().length > offset) {
      return "overlaps bytes "
          + before.getKey()
          + "-"
          + (before.getKey() + before.getValue().length - 1)
          + " of an earlier fragment: the whole datagram is discarded (RFC 5722)";
    }
    if (datagram.total >= 0 && offset + length > datagram.total) {
      return "runs past the end that the last fragment set: the whole datagram is discarded (RFC 5722)";
    }
    byte[] copy = new byte[length];
    System.arraycopy(data, from, copy, 0, length);
    datagram.pieces.put(offset, copy);
    datagram.frames.add(frame);
    datagram.bytes += length;
    bufferedBytes += length;
    return null;
  }

  private static boolean equal(byte[] held, byte[] data, int from) {
    for (int i = 0; i < held.length; i++) {
      if (held[i] != data[from + i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] complete(Pending datagram) {
    if (datagram.total < 0 || datagram.bytes != datagram.total) {
      return null;
    }
    byte[] whole = new byte[datagram.total];
    int next = 0;
    for (Map.Entry<Integer, byte[]> piece : datagram.pieces.entrySet()) {
      if (piece.getKey() != next) {
        return null;
      }
      System.arraycopy(piece.getValue(), 0, whole, next, piece.getValue().length);
      next += piece.getValue().length;
    }
    return next == datagram.total ? whole : null;
  }

  private void expire(long now) {
    Iterator<Map.Entry<Key, Pending>> oldestFirst = pending.entrySet().iterator();
    while (oldestFirst.hasNext()) {
      Pending datagram = oldestFirst.next().getValue();
      if (now - datagram.firstSeconds <= TIMEOUT_SECONDS) {
        return;
      }
      bufferedBytes -= datagram.bytes;
      oldestFirst.remove();
    }
  }

  private void dropOldest() {
    Iterator<Map.Entry<Key, Pending>> oldestFirst = pending.entrySet().iterator();
    if (oldestFirst.hasNext()) {
      bufferedBytes -= oldestFirst.next().getValue().bytes;
      oldestFirst.remove();
    }
  }

  private void forget(Key key, Pending datagram) {
    bufferedBytes -= datagram.bytes;
    pending.remove(key);
  }
}
