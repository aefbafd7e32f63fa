package dev.wirelab.labs.lab08;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One WebSocket frame as the application sees it: the payload is always the real bytes, never the
 * masked ones; {@link FrameCodec} applies the mask on the way out and removes it on the way in.
 *
 * @param fin 1 on the last (or only) frame of a message
 * @param opcode what the payload is
 * @param maskKey the 4-byte masking key of a frame sent by a client; null for a server's frame
 * @param payload the application bytes
 */
public record Frame(boolean fin, Opcode opcode, byte[] maskKey, byte[] payload) {
  /**
   * Control frames must fit the 7-bit length form, so they can be read in one go (RFC 6455 5.5).
   */
  public static final int MAX_CONTROL_PAYLOAD = 125;

  public Frame {
    if (maskKey != null && maskKey.length != 4) {
      throw new IllegalArgumentException("a masking key is exactly 4 bytes, not " + maskKey.length);
    }
    if (opcode.isControl() && (!fin || payload.length > MAX_CONTROL_PAYLOAD)) {
      throw new IllegalArgumentException(
          opcode + " is a control frame: it cannot be fragmented and carries at most 125 bytes");
    }
  }

  public static Frame text(String text) {
    return new Frame(true, Opcode.TEXT, null, text.getBytes(StandardCharsets.UTF_8));
  }

  public static Frame binary(byte[] bytes) {
    return new Frame(true, Opcode.BINARY, null, bytes);
  }

  public static Frame ping(String text) {
    return new Frame(true, Opcode.PING, null, text.getBytes(StandardCharsets.UTF_8));
  }

  public static Frame pong(byte[] pingPayload) {
    return new Frame(true, Opcode.PONG, null, pingPayload);
  }

  /** A close frame: status code (1000 = normal closure) in two bytes, then the reason in UTF-8. */
  public static Frame close(int statusCode, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    ByteBuffer payload =
        ByteBuffer.allocate(2 + text.length).putShort((short) statusCode).put(text);
    return new Frame(true, Opcode.CLOSE, null, payload.array());
  }

  /** The first piece of a message whose rest follows in continuation frames. */
  public static Frame firstFragment(Opcode opcode, String text) {
    return new Frame(false, opcode, null, text.getBytes(StandardCharsets.UTF_8));
  }

  public static Frame continuation(boolean fin, String text) {
    return new Frame(fin, Opcode.CONTINUATION, null, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The same frame, masked with {@code key} when it goes on the wire: what a client must send. */
  public Frame maskedWith(byte[] key) {
    return new Frame(fin, opcode, key.clone(), payload);
  }

  /** The same frame without a mask: what a server sends. */
  public Frame unmasked() {
    return new Frame(fin, opcode, null, payload);
  }

  public boolean masked() {
    return maskKey != null;
  }

  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** The status code of a close frame, or 1005 ("no status received") when it carries none. */
  public int closeCode() {
    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Frame that
        && fin == that.fin
        && opcode == that.opcode
        && Arrays.equals(maskKey, that.maskKey)
        && Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * opcode.hashCode() + Arrays.hashCode(payload))
        + Arrays.hashCode(maskKey)
        + (fin ? 1 : 0);
  }

  @Override
  public String toString() {
    return (fin ? "" : "non-final ")
        + opcode
        + " frame, "
        + payload.length
        + " bytes"
        + (masked() ? ", masked" : "");
  }
}
