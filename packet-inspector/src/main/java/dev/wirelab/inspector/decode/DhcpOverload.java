package dev.wirelab.inspector.decode;

/**
 * The values of option 52 (RFC 2132 9.3): which of the BOOTP header's file and sname fields hold
 * more options because the options field was too small for them.
 */
enum DhcpOverload {
  FILE("the file field holds more options"),
  SNAME("the sname field holds more options"),
  BOTH("the file and sname fields hold more options");

  /** values() copies its array on every call; the lookup runs once per option 52. */
  private static final DhcpOverload[] BY_CODE = values();

  private final String meaning;

  /** Declared in code order: FILE is 1, SNAME 2, BOTH 3. */
  DhcpOverload(String meaning) {
    this.meaning = meaning;
  }

  /** The value with this code, or null for one RFC 2132 does not define. */
  static DhcpOverload of(int code) {
    return code >= 1 && code <= BY_CODE.length ? BY_CODE[code - 1] : null;
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
