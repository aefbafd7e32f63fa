package dev.wirelab.inspector.decode;

/** The DHCP message types of option 53 (RFC 2132 9.6, RFC 4388, RFC 6926). */
enum DhcpMessageType {
  DISCOVER(1, "Discover", "a client looks for a server"),
  OFFER(2, "Offer", "a server offers an address"),
  REQUEST(3, "Request", "the client asks for the offered (or its old) address"),
  DECLINE(4, "Decline", "the client found the address already in use"),
  ACK(5, "ACK", "the server confirms: the address is leased"),
  NAK(6, "NAK", "the server refuses the requested address"),
  RELEASE(7, "Release", "the client gives the address back"),
  INFORM(8, "Inform", "a client with an address asks only for settings"),
  FORCE_RENEW(9, "Force Renew", "the server asks the client to renew"),
  LEASE_QUERY(10, "Lease Query", "a relay asks about a lease"),
  LEASE_UNASSIGNED(11, "Lease Unassigned", "lease query answer: not leased"),
  LEASE_UNKNOWN(12, "Lease Unknown", "lease query answer: unknown address"),
  LEASE_ACTIVE(13, "Lease Active", "lease query answer: leased");

  private static final DhcpMessageType[] BY_CODE = values();

  private final int code;
  private final String label;
  private final String meaning;

  DhcpMessageType(int code, String label, String meaning) {
    this.code = code;
    this.label = label;
    this.meaning = meaning;
  }

  /** The type with this code, or null for a code RFC 2132 and its successors do not define. */
  static DhcpMessageType of(int code) {
    return code >= 1 && code <= BY_CODE.length ? BY_CODE[code - 1] : null;
  }

  int code() {
    return code;
  }

  String label() {
    return label;
  }

  String meaning() {
    return meaning;
  }
}
