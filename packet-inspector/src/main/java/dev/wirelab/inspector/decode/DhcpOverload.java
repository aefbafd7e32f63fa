package dev.wirelab.inspector.decode;

/**
 * The values of option 52 (RFC 2132 9.3): which of the BOOTP header's file and sname fields hold
 * more options because the options field was too small for them.
 */
enum DhcpOverload {
  FILE(1, "the file field holds more options"),
  SNAME(2, "the sname field holds more options"),
  BOTH(3, "the file and sname fields hold more options");

  private final int code;
  private final String meaning;

  DhcpOverload(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The value with this code, or null for one RFC 2132 does not define. */
  static DhcpOverload of(int code) {
    for (DhcpOverload overload : values()) {
      if (overload.code == code) {
        return overload;
      }
    }
    return null;
  }

  String meaning() {
    return meaning;
  }

  boolean file() {
    return this != SNAME;
  }

  boolean sname() {
    return this != FILE;
  }
}
