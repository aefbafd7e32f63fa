package dev.wirelab.inspector.decode;

/**
 * A message type of a vocabulary whose codes run 1, 2, 3, ... in the order the RFCs list them
 * (DHCP's option 53, RFC 2132 9.6; DHCPv6's msg-type, RFC 8415 7.3), so an enum of them declared in
 * that order finds a type by index. What a type is called and means, and how an unknown code reads,
 * is the same for both.
 */
interface NumberedMessageType {
  /** What a type is called ("Discover") and what it means, as the --layers tree shows it. */
  record Text(String label, String meaning) {}

  Text text();

  default String label() {
    return text().label();
  }

  default String meaning() {
    return text().meaning();
  }

  /** The type with this code among {@code types} (an enum's values), or null for another code. */
  static <T extends NumberedMessageType> T of(T[] types, int code) {
    return code >= 1 && code <= types.length ? types[code - 1] : null;
  }

  /** "Discover", or "type 42" for a code the vocabulary does not define. */
  static String label(NumberedMessageType type, int code) {
    return type == null ? "type " + code : type.label();
  }

  /** The type's meaning, or that {@code rfc} does not define it. */
  static String meaning(NumberedMessageType type, String rfc) {
    return type == null ? "not a type " + rfc + " defines" : type.meaning();
  }
}
