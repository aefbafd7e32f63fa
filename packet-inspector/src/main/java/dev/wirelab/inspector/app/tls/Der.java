package dev.wirelab.inspector.app.tls;

import dev.wirelab.inspector.decode.MalformedFrameException;

/**
 * Reads DER (X.690) tag-length-value items, just enough to walk an X.509 certificate; a length that
 * runs past its container is reported as malformed, never as an index error.
 */
final class Der {
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;
  static final int OID = 0x06;
  static final int UTC_TIME = 0x17;
  static final int GENERALIZED_TIME = 0x18;

  private final byte[] b;
  private int pos;
  private final int end;

  /** One item: its tag and where its value lies. */
  record Item(int tag, int start, int length) {
    int end() {
      return start + length;
    }
  }

  Der(byte[] b, int off, int len) {
    this.b = b;
    this.pos = off;
    this.end = off + len;
  }

  boolean hasMore() {
    return pos < end;
  }

  Item next() {
    need(2);
    int tag = b[pos] & 0xff;
    int first = b[pos + 1] & 0xff;
    pos += 2;
    int length = first;
    if (first >= 0x80) {
      int count = first & 0x7f;
      if (count == 0 || count > 3) {
        throw new MalformedFrameException("certificate: DER length of " + count + " bytes");
      }
      need(count);
      length = 0;
      for (int i = 0; i < count; i++) {
        length = length << 8 | (b[pos++] & 0xff);
      }
    }
    need(length);
    Item item = new Item(tag, pos, length);
    pos += length;
    return item;
  }

  /** The next item, which must have this tag. */
  Item next(int tag, String what) {
    Item item = next();
    if (item.tag() != tag) {
      throw new MalformedFrameException(
          "certificate: " + what + " has tag 0x" + Integer.toHexString(item.tag()));
    }
    return item;
  }

  /** A reader over an item's value. */
  Der inside(Item item) {
    return new Der(b, item.start(), item.length());
  }

  byte[] bytes() {
    return b;
  }

  private void need(int count) {
    if (count > end - pos) {
      throw new MalformedFrameException(
          "certificate: a DER item needs " + count + " bytes, only " + (end - pos) + " left");
    }
  }
}
