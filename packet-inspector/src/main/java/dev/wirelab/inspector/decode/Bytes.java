package dev.wirelab.inspector.decode;

/** Big-endian reads from a frame, and the text forms of addresses. */
final class Bytes {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Bytes() {}

  static int u8(byte[] data, int offset) {
    return data[offset] & 0xFF;
  }

  static int u16(byte[] data, int offset) {
    return (data[offset] & 0xFF) << 8 | (data[offset + 1] & 0xFF);
  }

  static long u32(byte[] data, int offset) {
    return ((long) u16(data, offset) << 16) | u16(data, offset + 2);
  }

  static int u16le(byte[] data, int offset) {
    return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
  }

  static long u32le(byte[] data, int offset) {
    return ((long) u16le(data, offset + 2) << 16) | u16le(data, offset);
  }

  static String mac(byte[] data, int offset) {
    return hexWithColons(data, offset, 6);
  }

  static String hexWithColons(byte[] data, int offset, int length) {
    char[] text = new char[Math.max(0, length * 3 - 1)];
    for (int i = 0; i < length; i++) {
      int b = data[offset + i] & 0xFF;
      text[i * 3] = HEX[b >> 4];
      text[i * 3 + 1] = HEX[b & 15];
      if (i < length - 1) {
        text[i * 3 + 2] = ':';
      }
    }
    return new String(text);
  }

  static String hex(int value, int digits) {
    char[] text = new char[digits + 2];
    text[0] = '0';
    text[1] = 'x';
    for (int i = digits - 1; i >= 0; i--) {
      text[2 + i] = HEX[value & 15];
      value >>>= 4;
    }
    return new String(text);
  }

  static String ipv4(byte[] data, int offset) {
    StringBuilder text = new StringBuilder(15);
    for (int i = 0; i < 4; i++) {
      if (i > 0) {
        text.append('.');
      }
      text.append(data[offset + i] & 0xFF);
    }
    return text.toString();
  }

  /** RFC 5952 text: lower case, the longest run of two or more zero groups written "::". */
  static String ipv6(byte[] data, int offset) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (u16(data, offset + 2 * i) != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && u16(data, offset + 2 * i) == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(u16(data, offset + 2 * i)));
    }
    return text.toString();
  }
}
