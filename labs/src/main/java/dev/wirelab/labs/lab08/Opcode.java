package dev.wirelab.labs.lab08;

import java.net.ProtocolException;

/** The four bits that say what a WebSocket frame carries (RFC 6455, section 5.2). */
public enum Opcode {
  /** More of the message the previous frame started (whose FIN bit was 0). */
  CONTINUATION(0x0),
  /** UTF-8 text: JSON, Socket.IO packets. */
  TEXT(0x1),
  /** Raw bytes: images, protobuf, anything. */
  BINARY(0x2),
  /** "I am done": a 2-byte status code and an optional reason; the peer answers with its own. */
  CLOSE(0x8),
  /** "Are you there?": the peer must answer with a pong carrying the same bytes. */
  PING(0x9),
  /** The answer to a ping (or an unasked heartbeat). */
  PONG(0xA);

  private final int code;

  Opcode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Control frames (close, ping, pong) may appear between the fragments of a message. */
  public boolean isControl() {
    return (code & 0x8) != 0;
  }

  public static Opcode of(int code) throws ProtocolException {
    for (Opcode opcode : values()) {
      if (opcode.code == code) {
        return opcode;
      }
    }
    throw new ProtocolException(
        String.format("unknown WebSocket opcode 0x%X (RFC 6455 reserves it)", code));
  }
}
