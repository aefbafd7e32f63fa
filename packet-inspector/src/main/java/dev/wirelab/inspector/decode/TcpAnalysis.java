package dev.wirelab.inspector.decode;

/**
 * The sequence analysis of one TCP connection, as Wireshark's {@code tcp_analyze_sequence_number}
 * does it: each direction remembers the next sequence number it should send, its last ACK and
 * window, and the flags of its last segment; a new segment is compared with that, in capture order.
 * Also the relative sequence numbers (offsets from each direction's first one).
 */
final class TcpAnalysis {
  /**
   * Wireshark's default out-of-order threshold when the handshake's round trip is unknown: 3 ms.
   */
  private static final long DEFAULT_OOO_NANOS = 3_000_000;

  /** A fast retransmission follows the third duplicate ACK within 20 ms. */
  private static final long FAST_RETRANSMISSION_NANOS = 20_000_000;

  private static final class Direction {
    boolean seen;
    long base;
    boolean nextKnown;
    long nextSeq;
    long nextSeqNanos;
    boolean maxKnown;
    long maxSeqToBeAcked;
    long lastAck;
    long lastAckNanos;
    long window = -1;

    /**
     * The window scale shift from this side's SYN; -1 before the SYN was seen, -2 without the
     * option.
     */
    int windowScale = -1;

    int dupAcks;
    int lastFlags;
  }

  private final Direction[] directions = {new Direction(), new Direction()};
  private long synNanos = -1;
  private long firstRttNanos;

  /**
   * The result for one segment: the analysis flags (bits of {@link TcpAnalysisFlag}) and the
   * duplicate ACK count.
   */
  record Result(int flags, int dupAckNumber, long relativeSeq, long relativeAck) {
    boolean has(TcpAnalysisFlag flag) {
      return (flags & flag.bit()) != 0;
    }
  }

  Result segment(
      boolean fromClient,
      long nanos,
      long seq,
      long ack,
      int tcpFlags,
      int rawWindow,
      int windowScaleOption,
      int seglen) {
    Direction fwd = directions[fromClient ? 0 : 1];
    Direction rev = directions[fromClient ? 1 : 0];
    boolean syn = (tcpFlags & 0x02) != 0;
    boolean fin = (tcpFlags & 0x01) != 0;
    boolean rst = (tcpFlags & 0x04) != 0;
    boolean hasAck = (tcpFlags & 0x10) != 0;
    boolean synFinRst = syn || fin || rst;
    if (!fwd.seen || (syn && !hasAck && fwd.base != seq && !fwd.nextKnown)) {
      fwd.seen = true;
      fwd.base = syn ? seq : seq - 1;
    }
    if (syn) {
      fwd.windowScale = windowScaleOption < 0 ? -2 : Math.min(14, windowScaleOption);
      if (!hasAck) {
        synNanos = nanos;
      }
    } else if (hasAck && firstRttNanos == 0 && synNanos >= 0 && nanos > synNanos) {
      firstRttNanos = nanos - synNanos;
    }
    if (!rev.seen && hasAck) {
      rev.seen = true;
      rev.base = ack - 1;
    }
    long window = syn ? rawWindow : scaled(fwd, rev, rawWindow);
    int flags = 0;
    int dupAckNumber = 0;
    boolean done = false;
    if (seglen == 1 && fwd.nextKnown && seq == fwd.nextSeq && rev.window == 0) {
      flags |= TcpAnalysisFlag.ZERO_WINDOW_PROBE.bit();
      done = true;
    }
    if (!done) {
      if (window == 0 && !synFinRst) {
        flags |= TcpAnalysisFlag.ZERO_WINDOW.bit();
      }
      if (fwd.nextKnown && greater(seq, fwd.nextSeq) && !rst) {
        flags |= TcpAnalysisFlag.LOST_SEGMENT.bit();
      }
      boolean sameAsBefore =
          fwd.nextKnown && seq == fwd.nextSeq && ack == fwd.lastAck && !synFinRst;
      if ((seglen == 0 || seglen == 1)
          && fwd.nextKnown
          && seq == ((fwd.nextSeq - 1) & 0xFFFFFFFFL)
          && !synFinRst) {
        flags |= TcpAnalysisFlag.KEEP_ALIVE.bit();
      }
      if (seglen == 0 && window != 0 && window != fwd.window && sameAsBefore) {
        flags |= TcpAnalysisFlag.WINDOW_UPDATE.bit();
      }
      if (seglen > 0
          && rev.windowScale != -1
          && rev.window >= 0
          && !synFinRst
          && ((seq + seglen) & 0xFFFFFFFFL) == ((rev.lastAck + rev.window) & 0xFFFFFFFFL)) {
        flags |= TcpAnalysisFlag.WINDOW_FULL.bit();
      }
      boolean keepAliveAck =
          seglen == 0
              && window != 0
              && window == fwd.window
              && sameAsBefore
              && (rev.lastFlags & TcpAnalysisFlag.KEEP_ALIVE.bit()) != 0;
      boolean probeAck =
          seglen == 0
              && window == 0
              && window == fwd.window
              && fwd.nextKnown
              && seq == fwd.nextSeq
              && (ack == fwd.lastAck || ack == ((fwd.lastAck + 1) & 0xFFFFFFFFL))
              && !synFinRst
              && (rev.lastFlags & TcpAnalysisFlag.ZERO_WINDOW_PROBE.bit()) != 0;
      if (!keepAliveAck
          && !probeAck
          && seglen == 0
          && window != 0
          && window == fwd.window
          && sameAsBefore) {
        fwd.dupAcks++;
        dupAckNumber = fwd.dupAcks;
        flags |= TcpAnalysisFlag.DUPLICATE_ACK.bit();
      }
    }
    if ((flags & TcpAnalysisFlag.DUPLICATE_ACK.bit()) == 0) {
      fwd.dupAcks = 0;
    }
    if (rev.maxKnown && greater(ack, rev.maxSeqToBeAcked) && hasAck) {
      flags |= TcpAnalysisFlag.ACK_LOST_SEGMENT.bit();
      rev.maxSeqToBeAcked = rev.nextSeq;
    }
    if ((seglen > 0 || syn || fin) && (flags & TcpAnalysisFlag.KEEP_ALIVE.bit()) == 0) {
      flags |= retransmissionKind(fwd, rev, nanos, seq, seglen);
    }
    long next = (seq + seglen + (syn || fin ? 1 : 0)) & 0xFFFFFFFFL;
    boolean probe = (flags & TcpAnalysisFlag.ZERO_WINDOW_PROBE.bit()) != 0;
    if ((!fwd.nextKnown || greater(next, fwd.nextSeq)) && !probe) {
      fwd.nextKnown = true;
      fwd.nextSeq = next;
      fwd.nextSeqNanos = nanos;
    }
    if ((!fwd.maxKnown || seq == fwd.maxSeqToBeAcked) && !probe) {
      fwd.maxKnown = true;
      fwd.maxSeqToBeAcked = fwd.nextSeq;
    }
    fwd.window = window;
    fwd.lastAck = ack;
    fwd.lastAckNanos = nanos;
    fwd.lastFlags = flags;
    return new Result(
        flags,
        dupAckNumber,
        (seq - fwd.base) & 0xFFFFFFFFL,
        hasAck ? (ack - rev.base) & 0xFFFFFFFFL : 0);
  }

  private int retransmissionKind(Direction fwd, Direction rev, long nanos, long seq, int seglen) {
    boolean notAdvanced = fwd.nextKnown && less(seq, fwd.nextSeq);
    if (notAdvanced
        && rev.dupAcks >= 2
        && rev.lastAck == seq
        && nanos - rev.lastAckNanos < FAST_RETRANSMISSION_NANOS) {
      // tshark marks the kinds of retransmission as retransmissions too.
      return TcpAnalysisFlag.FAST_RETRANSMISSION.bit() | TcpAnalysisFlag.RETRANSMISSION.bit();
    }
    long threshold = firstRttNanos == 0 ? DEFAULT_OOO_NANOS : firstRttNanos;
    if (notAdvanced
        && nanos - fwd.nextSeqNanos < threshold
        && fwd.nextSeq != ((seq + seglen) & 0xFFFFFFFFL)) {
      return TcpAnalysisFlag.OUT_OF_ORDER.bit();
    }
    if (seglen > 0
        && rev.seen
        && rev.lastAck != 0
        && !greater((seq + seglen) & 0xFFFFFFFFL, rev.lastAck)) {
      return TcpAnalysisFlag.SPURIOUS_RETRANSMISSION.bit() | TcpAnalysisFlag.RETRANSMISSION.bit();
    }
    return notAdvanced ? TcpAnalysisFlag.RETRANSMISSION.bit() : 0;
  }

  /** The window in bytes, once both SYNs said whether they scale (RFC 7323: both must). */
  private static long scaled(Direction fwd, Direction rev, int rawWindow) {
    if (fwd.windowScale >= 0 && rev.windowScale >= 0) {
      return (long) rawWindow << fwd.windowScale;
    }
    return rawWindow;
  }

  /** Sequence number comparison modulo 2^32 (RFC 9293's "a > b"). */
  private static boolean greater(long a, long b) {
    return (int) (a - b) > 0;
  }

  private static boolean less(long a, long b) {
    return (int) (a - b) < 0;
  }
}
