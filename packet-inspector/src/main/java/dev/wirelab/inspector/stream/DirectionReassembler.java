package dev.wirelab.inspector.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the payload of one direction of a TCP connection back in sequence order: every byte is
 * handed on exactly once, retransmitted and overlapping bytes are dropped, segments that arrive
 * early wait (within a fixed memory bound) until the gap before them fills.
 */
public final class DirectionReassembler {
  /** Early segments held per direction; past this the gap is declared lost so memory stays flat. */
  public static final int MAX_BUFFERED_BYTES = 1 << 20;

  private record Early(long frame, byte[] bytes) {}

  private final TreeMap<Long, Early> early = new TreeMap<>();
  private final int maxBufferedBytes;
  private int bufferedBytes;
  private boolean started;

  /** The raw sequence number of this direction's SYN, or -1 before one was seen. */
  private long synSeq = -1;

  /** The stream offset the FIN stands at, or -1 before a FIN was seen. */
  private long finOffset = -1;

  /** The raw 32-bit sequence number of the next byte expected. */
  private int nextSeq;

  /** The stream offset of {@link #nextSeq}, unbounded so 32-bit wraparound never confuses it. */
  private long delivered;

  /** Bytes skipped since the last chunk was handed on; the next chunk reports them. */
  private long unreportedLoss;

  public DirectionReassembler() {
    this(MAX_BUFFERED_BYTES);
  }

  DirectionReassembler(int maxBufferedBytes) {
    this.maxBufferedBytes = maxBufferedBytes;
  }

  /**
   * Takes one segment (its raw sequence number, flags and captured payload) and returns what it
   * released; {@code wireLength} larger than {@code length} means the capture cut the segment
   * short.
   */
  public Reassembly accept(
      long frame,
      long seq,
      boolean syn,
      boolean fin,
      boolean rst,
      byte[] data,
      int offset,
      int length,
      int wireLength) {
    List<StreamChunk> chunks = new ArrayList<>(1);
    List<String> notes = new ArrayList<>(1);
    int before = early.size();
    int dataSeq = (int) seq + (syn ? 1 : 0);
    boolean restarted = false;
    if (syn && seq == synSeq) {
      // The same SYN again (a retransmission that arrived late): the connection goes on as it was.
      if (delivered > 0 || length > 0) {
        notes.add("retransmitted SYN of this connection: ignored");
      }
      return new Reassembly(chunks, notes, false, false);
    }
    if (syn) {
      if (started && delivered > 0) {
        notes.add("SYN for a new connection on the same ports: stream restarts");
        restarted = true;
        early.clear();
        bufferedBytes = 0;
        finOffset = -1;
        delivered = 0;
        unreportedLoss = 0;
      }
      started = true;
      synSeq = seq;
      nextSeq = dataSeq;
    } else if (!started) {
      started = true;
      nextSeq = dataSeq;
      if (length > 0 || fin) {
        notes.add("capture started mid-stream: earlier bytes of this direction were not captured");
      }
    }
    if (length > 0) {
      place(frame, dataSeq, data, offset, length, chunks, notes);
    }
    if (wireLength > length && nextSeq == dataSeq + length) {
      int missing = wireLength - length;
      notes.add(missing + " payload bytes were not captured (snapshot length): skipped");
      nextSeq += missing;
      delivered += missing;
      unreportedLoss += missing;
      drainEarly(chunks);
    }
    if (fin && finOffset < 0) {
      finOffset = delivered + (dataSeq + length - nextSeq);
    }
    boolean held = early.size() > before;
    if (rst && !early.isEmpty()) {
      skipGap(chunks, notes, "connection reset before the gap filled");
    }
    return new Reassembly(chunks, notes, held, restarted);
  }

  /**
   * The other direction acknowledged up to {@code ack}: bytes it acknowledged that were never
   * captured will not be retransmitted, so the gap before held segments is skipped now.
   */
  public Reassembly acknowledged(long ack) {
    List<StreamChunk> chunks = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int beyond = (int) ack - nextSeq;
    if (started && beyond > 0 && !early.isEmpty() && delivered + beyond >= early.firstKey()) {
      skipGap(chunks, notes, "the receiver acknowledged bytes the capture never saw");
    }
    return new Reassembly(chunks, notes, false, false);
  }

  /** Hands on whatever still waits behind a gap (end of capture); the gap is reported. */
  public Reassembly finish() {
    List<StreamChunk> chunks = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (!early.isEmpty()) {
      skipGap(chunks, notes, "end of capture before the gap filled");
    }
    return new Reassembly(chunks, notes, false, false);
  }

  /** Whether the FIN was seen and every byte before it was handed on. */
  public boolean finished() {
    return finOffset >= 0 && delivered >= finOffset;
  }

  /** Bytes waiting behind a gap. */
  public long heldBytes() {
    return bufferedBytes;
  }

  public long deliveredBytes() {
    return delivered;
  }

  private void place(
      long frame,
      int dataSeq,
      byte[] data,
      int offset,
      int length,
      List<StreamChunk> chunks,
      List<String> notes) {
    int ahead = dataSeq - nextSeq;
    if (ahead <= -length) {
      notes.add("retransmission: all " + length + " bytes were already delivered");
      return;
    }
    if (ahead < 0) {
      int skip = -ahead;
      notes.add("overlap: " + skip + " of " + length + " bytes were already delivered");
      emit(chunks, frame, data, offset + skip, length - skip, false);
      drainEarly(chunks);
      return;
    }
    if (ahead == 0) {
      emit(chunks, frame, data, offset, length, true);
      drainEarly(chunks);
      return;
    }
    long at = delivered + ahead;
    Early previous = early.get(at);
    if (previous == null || previous.bytes.length < length) {
      byte[] copy = new byte[length];
      System.arraycopy(data, offset, copy, 0, length);
      bufferedBytes += length - (previous == null ? 0 : previous.bytes.length);
      early.put(at, new Early(frame, copy));
    }
    notes.add(
        "out of order: " + ahead + " bytes missing before this segment, held until they arrive");
    if (bufferedBytes > maxBufferedBytes) {
      skipGap(chunks, notes, "more than " + maxBufferedBytes + " bytes waiting");
    }
  }

  private void skipGap(List<StreamChunk> chunks, List<String> notes, String why) {
    long first = early.firstKey();
    long missing = first - delivered;
    notes.add(
        "gap of "
            + missing
            + " bytes never filled ("
            + why
            + "; lost or captured before the capture started): skipped");
    nextSeq += (int) missing;
    delivered = first;
    unreportedLoss += missing;
    drainEarly(chunks);
  }

  private void drainEarly(List<StreamChunk> chunks) {
    while (!early.isEmpty() && early.firstKey() <= delivered) {
      Map.Entry<Long, Early> next = early.pollFirstEntry();
      Early segment = next.getValue();
      bufferedBytes -= segment.bytes.length;
      int skip = (int) (delivered - next.getKey());
      if (skip < segment.bytes.length) {
        emit(chunks, segment.frame, segment.bytes, skip, segment.bytes.length - skip, skip == 0);
      }
    }
  }

  private void emit(
      List<StreamChunk> chunks,
      long frame,
      byte[] data,
      int offset,
      int length,
      boolean segmentStart) {
    chunks.add(
        new StreamChunk(frame, data, offset, length, delivered, segmentStart, unreportedLoss));
    unreportedLoss = 0;
    delivered += length;
    nextSeq += length;
  }
}
