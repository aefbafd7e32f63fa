package dev.wirelab.inspector.app.websocket;

import dev.wirelab.inspector.decode.MalformedFrameException;

/**
 * The 2 to 14 header bytes of an RFC 6455 frame: FIN, RSV1-3, opcode, MASK, the payload length in
 * its 7-, 16- or 64-bit form, and the masking key.
 */
public record WebSocketFrameHeader(
    boolean fin,
    int rsv,
    int opcode,
    boolean masked,
    long payloadLength,
    int lengthBits,
    byte[] maskKey,
    int headerLength) {
  /** Parses a header from the bytes present; null when more bytes are needed to see all of it. */
  public static WebSocketFrameHeader parse(byte[] b, int off, int len) {
    if (len < 2) {
      return null;
    }
    int first = b[off] & 0xFF;
    int second = b[off + 1] & 0xFF;
    boolean masked = (second & 0x80) != 0;
    int shortLength = second & 0x7F;
    int lengthBits = shortLength == 126 ? 16 : shortLength == 127 ? 64 : 7;
    int headerLength = 2 + (lengthBits == 16 ? 2 : lengthBits == 64 ? 8 : 0) + (masked ? 4 : 0);
    if (len < headerLength) {
      return null;
    }
    long payloadLength = shortLength;
    if (lengthBits == 16) {
      payloadLength = ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    } else if (lengthBits == 64) {
      payloadLength = 0;
      for (int i = 0; i < 8; i++) {
        payloadLength = (payloadLength << 8) | (b[off + 2 + i] & 0xFF);
      }
      if (payloadLength < 0) {
        throw new MalformedFrameException(
            "WebSocket 64-bit payload length has its most significant bit set");
      }
    }
    byte[] key = null;
    if (masked) {
      key = new byte[4];
      System.arraycopy(b, off + headerLength - 4, key, 0, 4);
    }
    return new WebSocketFrameHeader(
        (first & 0x80) != 0,
        (first >> 4) & 0x7,
        first & 0x0F,
        masked,
        payloadLength,
        lengthBits,
        key,
        headerLength);
  }

  /** Rule breaks that still leave the frame's length known, so decoding can go on after it. */
  public String violation() {
    if (!WebSocketOpcode.isDefined(opcode)) {
      return "WebSocket reserved opcode " + opcode;
    }
    if (WebSocketOpcode.isControl(opcode) && payloadLength > 125) {
      return "WebSocket control frame longer than 125 bytes (" + payloadLength + ")";
    }
    if (WebSocketOpcode.isControl(opcode) && !fin) {
      return "WebSocket control frame fragmented (FIN not set)";
    }
    return null;
  }
}
