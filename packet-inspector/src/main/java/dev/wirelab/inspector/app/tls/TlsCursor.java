package dev.wirelab.inspector.app.tls;

import dev.wirelab.inspector.decode.MalformedFrameException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one handshake message field by field; a length that runs past its enclosing vector is
 * reported as malformed with what was being read, never as an index error.
 */
final class TlsCursor {
  private final byte[] b;
  private final String what;
  private int pos;
  private final int end;

  TlsCursor(byte[] b, int off, int len, String what) {
    this.b = b;
    this.pos = off;
    this.end = off + len;
    this.what = what;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return end - pos;
  }

  int u8(String field) {
    need(1, field);
    return b[pos++] & 0xff;
  }

  int u16(String field) {
    need(2, field);
    int value = (b[pos] & 0xff) << 8 | (b[pos + 1] & 0xff);
    pos += 2;
    return value;
  }

  int u24(String field) {
    need(3, field);
    int value = (b[pos] & 0xff) << 16 | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff);
    pos += 3;
    return value;
  }

  void skip(int count, String field) {
    need(count, field);
    pos += count;
  }

  /** The next {@code length} bytes as their own cursor, skipped here. */
  TlsCursor sub(int length, String field) {
    need(length, field);
    TlsCursor inner = new TlsCursor(b, pos, length, what);
    pos += length;
    return inner;
  }

  String ascii(int length, String field) {
    need(length, field);
    String text = new String(b, pos, length, StandardCharsets.ISO_8859_1);
    pos += length;
    return text;
  }

  boolean bytesEqual(byte[] expected) {
    if (remaining() < expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (b[pos + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private void need(int count, String field) {
    if (count > end - pos) {
      throw new MalformedFrameException(
          what + ": " + field + " needs " + count + " bytes, only " + (end - pos) + " left");
    }
  }
}
