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
    return fromBytes(raw, 0);
  }

  /** The name as its 16 plain bytes at {@code offset} (a node status answer lists names so). */
  static NetbiosName fromBytes(byte[] raw, int offset) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 15; i++) {
      int b = raw[offset + i] & 0xFF;
      name.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : "<" + hex(b) + ">");
    }
    String text = name.toString();
    // NetBIOS pads with spaces; tshark leaves them out.
    int cut = text.length();
    while (cut > 0 && text.charAt(cut - 1) == ' ') {
      cut--;
    }
    return new NetbiosName(text.substring(0, cut), raw[offset + 15] & 0xFF);
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

  /** What the name stands for: "any name" for the wildcard, else what its suffix says. */
  String suffixMeaning() {
    return name.startsWith("*") ? "any name: asks a node for its whole name table" : service();
  }

  /**
   * What the suffix says the name is, in tshark's words (Microsoft's list), which tshark also adds
   * to an NB record's name.
   */
  String service() {
    return switch (suffix) {
      case 0x00, 0x02 -> "Workstation/Redirector";
      case 0x01 -> "Browser";
      case 0x03 -> "Messenger service/Main name";
      case 0x05 -> "Forwarded name";
      case 0x06 -> "RAS Server service";
      case 0x1B -> "Domain Master Browser";
      case 0x1C -> "Domain Controllers";
      case 0x1D -> "Local Master Browser";
      case 0x1E -> "Browser Election Service";
      case 0x1F -> "Net DDE Service";
      case 0x20 -> "Server service";
      case 0x21 -> "RAS client service";
      default -> "Unknown";
    };
  }

  private static String hex(int b) {
    return Bytes.hex(b, 2).substring(2);
  }
}
