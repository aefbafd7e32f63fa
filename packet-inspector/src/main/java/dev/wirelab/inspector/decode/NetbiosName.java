package dev.wirelab.inspector.decode;

/**
 * A NetBIOS name in its first-level encoding (RFC 1001 14.1): 16 bytes, each split into two
 * half-bytes written as the letters 'A' to 'P', so 32 letters; the 16th byte is the suffix that
 * says which service the name stands for.
 */
record NetbiosName(String name, int suffix) {
  static final int ENCODED_LENGTH = 32;

  /** Decodes the 32 letters at {@code offset}. */
  static NetbiosName decode(byte[] data, int offset) {
    byte[] raw = new byte[16];
    for (int i = 0; i < 16; i++) {
      int high = (data[offset + 2 * i] & 0xFF) - 'A';
      int low = (data[offset + 2 * i + 1] & 0xFF) - 'A';
      if (high < 0 || high > 15 || low < 0 || low > 15) {
        throw new MalformedFrameException(
            "NetBIOS name letter outside A-P: not in the first-level encoding");
      }
      raw[i] = (byte) (high << 4 | low);
    }
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 15; i++) {
      int b = raw[i] & 0xFF;
      name.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : "<" + hex(b) + ">");
    }
    String text = name.toString();
    // NetBIOS pads with spaces; tshark leaves them out.
    int cut = text.length();
    while (cut > 0 && text.charAt(cut - 1) == ' ') {
      cut--;
    }
    return new NetbiosName(text.substring(0, cut), raw[15] & 0xFF);
  }

  /** tshark's form: "WORKGROUP<1d>", non-printable bytes as {@code <xx>}. */
  String tsharkText() {
    return name + "<" + hex(suffix) + ">";
  }

  /** For the summary: the name without its NUL padding, then the suffix ("*<00>"). */
  String shortText() {
    String trimmed = name;
    while (trimmed.endsWith("<00>")) {
      trimmed = trimmed.substring(0, trimmed.length() - 4);
    }
    return trimmed + "<" + hex(suffix) + ">";
  }

  /** What the suffix says the name is (the common ones, Microsoft's list). */
  String suffixMeaning() {
    if (name.startsWith("*")) {
      return "any name: asks a node for its whole name table";
    }
    return switch (suffix) {
      case 0x00 -> "workstation";
      case 0x03 -> "messenger";
      case 0x1B -> "domain master browser";
      case 0x1C -> "domain controllers";
      case 0x1D -> "master browser";
      case 0x1E -> "browser elections";
      case 0x20 -> "file server";
      default -> "";
    };
  }

  private static String hex(int b) {
    return Bytes.hex(b, 2).substring(2);
  }
}
