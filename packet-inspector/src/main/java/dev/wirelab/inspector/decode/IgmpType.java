package dev.wirelab.inspector.decode;

/** IGMP message types (RFC 1112, RFC 2236, RFC 9776). */
enum IgmpType {
  MEMBERSHIP_QUERY(0x11, "membership query", "a router asks which groups have members here"),
  V1_MEMBERSHIP_REPORT(0x12, "membership report", "a host joins or stays in a group"),
  V2_MEMBERSHIP_REPORT(0x16, "membership report", "a host joins or stays in a group"),
  LEAVE_GROUP(0x17, "leave group", "a host leaves a group"),
  V3_MEMBERSHIP_REPORT(0x22, "membership report", "a host tells which groups and sources it wants");

  /** values() copies its array on every call; the lookup runs once per message. */
  private static final IgmpType[] ALL = values();

  private final int code;
  private final String label;
  private final String meaning;

  IgmpType(int code, String label, String meaning) {
    this.code = code;
    this.label = label;
    this.meaning = meaning;
  }

  /** The type with this code, or null for one not defined. */
  static IgmpType of(int code) {
    for (IgmpType type : ALL) {
      if (type.code == code) {
        return type;
      }
    }
    return null;
  }

  String label() {
    return label;
  }

  String meaning() {
    return meaning;
  }
}
