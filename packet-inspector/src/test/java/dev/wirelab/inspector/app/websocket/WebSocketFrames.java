package dev.wirelab.inspector.app.websocket;

import java.io.ByteArrayOutputStream;

/** Builds RFC 6455 frames byte by byte, so decoder tests start from bytes a peer would send. */
final class WebSocketFrames {
  private WebSocketFrames() {}

  static byte[] frame(boolean fin, int opcode, byte[] mask, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    int maskBit = mask != null ? 0x80 : 0;
    if (payload.length < 126) {
      out.write(maskBit | payload.length);
    } else if (payload.length < 65536) {
      out.write(maskBit | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xFF);
    } else {
      out.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) ((long) payload.length >> shift) & 0xFF);
      }
    }
    if (mask != null) {
      out.write(mask, 0, 4);
    }
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ (mask != null ? mask[i % 4] : 0));
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part, 0, part.length);
    }
    return out.toByteArray();
  }
}
