package dev.wirelab.inspector.decode;

/**
 * QUIC packet types (RFC 9000 17.2 and 17.3): the four long-header types, Version Negotiation and
 * the short-header 1-RTT packet.
 */
enum QuicPacketType {
  INITIAL("Initial", "the client's first flight and the server's reply: the TLS hellos"),
  ZERO_RTT("0-RTT", "application data sent before the handshake is done (resumption)"),
  HANDSHAKE("Handshake", "the rest of the TLS handshake"),
  RETRY("Retry", "the server asks the client to prove its address with a token"),
  VERSION_NEGOTIATION("Version Negotiation", "the server lists the versions it speaks"),
  ONE_RTT("1-RTT", "application data after the handshake");

  private static final long VERSION_2 = 0x6b3343cfL;

  private final String label;
  private final String meaning;

  QuicPacketType(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  String label() {
    return label;
  }

  String meaning() {
    return meaning;
  }

  /**
   * The long-header type from its two bits; QUIC version 2 (RFC 9369 3.2) numbers them differently
   * so that middleboxes do not ossify on version 1's values.
   */
  static QuicPacketType ofLongHeader(long version, int bits) {
    int v1Bits = version == VERSION_2 ? (bits + 3) % 4 : bits;
    return switch (v1Bits) {
      case 0 -> INITIAL;
      case 1 -> ZERO_RTT;
      case 2 -> HANDSHAKE;
      default -> RETRY;
    };
  }

  /** "1", "2", "draft-29", or the hex value of a version this table does not know. */
  static String versionName(long version) {
    if (version == 1) {
      return "1";
    }
    if (version == VERSION_2) {
      return "2";
    }
    if ((version & 0xffffff00L) == 0xff000000L) {
      return "draft-" + (version & 0xff);
    }
    if ((version & 0x0f0f0f0fL) == 0x0a0a0a0aL) {
      return String.format(
          java.util.Locale.ROOT, "0x%08x (reserved, to exercise negotiation)", version);
    }
    return String.format(java.util.Locale.ROOT, "0x%08x", version);
  }
}
