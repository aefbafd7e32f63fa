package dev.wirelab.inspector.decode;

/** Bytes shown as text: printable ASCII as it is, anything else as \xNN. */
final class Text {
  private Text() {}

  /** Trailing NUL bytes are left out, as C strings end there (tshark's FT_STRINGZ). */
  static String printable(byte[] data, int offset, int length) {
    int end = offset + length;
    while (end > offset && data[end - 1] == 0) {
      end--;
    }
    StringBuilder text = new StringBuilder(end - offset);
    for (int i = offset; i < end; i++) {
      int b = data[i] & 0xFF;
      if (b >= 0x20 && b < 0x7F) {
        text.append((char) b);
      } else {
        text.append("\\x").append(Bytes.hex(b, 2).substring(2));
      }
    }
    return text.toString();
  }
}
