package dev.wirelab.labs.lab13;

import dev.wirelab.labs.lab04.InternetChecksum;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One datagram of the lab's reliable protocol: a 14-byte header, then the payload.
 *
 * <pre>
 *  0      1      2      4             8             12     14
 *  | kind | 0    | checksum | seq        | ack         | length | payload ...
 * </pre>
 *
 * A DATA or FIN segment carries {@code seq}, the number of this segment. An ACK answers one
 * arrival: {@code seq} is the segment that just arrived (what selective repeat needs) and {@code
 * ack} is the next segment the receiver expects (cumulative, what Go-Back-N needs). The checksum is
 * lab 04's Internet checksum over the whole datagram, computed with the field at 0.
 */
public record Segment(Kind kind, int seq, int ack, byte[] payload) {
  public static final int HEADER_BYTES = 14;

  /** What a segment is for. */
  public enum Kind {
    DATA,
    ACK,
    FIN;

    static Optional<Kind> of(int code) {
      return code >= 0 && code < values().length ? Optional.of(values()[code]) : Optional.empty();
    }
  }

  public static Segment data(int seq, byte[] payload) {
    return new Segment(Kind.DATA, seq, 0, payload);
  }

  public static Segment fin(int seq) {
    return new Segment(Kind.FIN, seq, 0, new byte[0]);
  }

  /** The receiver's answer to segment {@code received}, saying it now expects {@code next}. */
  public static Segment ack(int received, int next) {
    return new Segment(Kind.ACK, received, next, new byte[0]);
  }

  public byte[] encode() {
    ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    bytes
        .put((byte) kind.ordinal())
        .put((byte) 0)
        .putShort((short) 0)
        .putInt(seq)
        .putInt(ack)
        .putShort((short) payload.length)
        .put(payload);
    byte[] datagram = bytes.array();
    int checksum = InternetChecksum.of(datagram);
    datagram[2] = (byte) (checksum >> 8);
    datagram[3] = (byte) checksum;
    return datagram;
  }

  /**
   * The segment in {@code datagram}, or empty when it cannot be one: too short, a length that
   * disagrees with the datagram, an unknown kind, or a checksum that does not add up (a bit flipped
   * on the way). A receiver drops such a datagram as if it had been lost.
   */
  public static Optional<Segment> decode(byte[] datagram, int length) {
    if (length < HEADER_BYTES) {
      return Optional.empty();
    }
    byte[] exact = Arrays.copyOf(datagram, length);
    if (InternetChecksum.of(exact) != 0) {
      return Optional.empty();
    }
    ByteBuffer bytes = ByteBuffer.wrap(exact);
    Optional<Kind> kind = Kind.of(bytes.get());
    bytes.get();
    bytes.getShort();
    int seq = bytes.getInt();
    int ack = bytes.getInt();
    int payloadLength = bytes.getShort() & 0xffff;
    if (kind.isEmpty() || payloadLength != length - HEADER_BYTES) {
      return Optional.empty();
    }
    byte[] payload = new byte[payloadLength];
    bytes.get(payload);
    return Optional.of(new Segment(kind.get(), seq, ack, payload));
  }

  /** How narration names this segment: {@code DATA seq=3 (512 B)}, {@code ACK 4 (got 3)}. */
  @Override
  public String toString() {
    return switch (kind) {
      case DATA -> String.format(Locale.ROOT, "DATA seq=%d (%d B)", seq, payload.length);
      case FIN -> String.format(Locale.ROOT, "FIN seq=%d", seq);
      case ACK -> String.format(Locale.ROOT, "ACK %d (got %d)", ack, seq);
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Segment that
        && kind == that.kind
        && seq == that.seq
        && ack == that.ack
        && Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * kind.hashCode() + seq) + ack) + Arrays.hashCode(payload);
  }
}
