package dev.wirelab.inspector.decode;

/**
 * The DHCP message types of option 53 (RFC 2132 9.6, RFC 4388, RFC 6926), codes 1 to 13 in order.
 */
enum DhcpMessageType implements NumberedMessageType {
  DISCOVER("Discover", "a client looks for a server"),
  OFFER("Offer", "a server offers an address"),
  REQUEST("Request", "the client asks for the offered (or its old) address"),
  DECLINE("Decline", "the client found the address already in use"),
  ACK("ACK", "the server confirms: the address is leased"),
  NAK("NAK", "the server refuses the requested address"),
  RELEASE("Release", "the client gives the address back"),
  INFORM("Inform", "a client with an address asks only for settings"),
  FORCE_RENEW("Force Renew", "the server asks the client to renew"),
  LEASE_QUERY("Lease Query", "a relay asks about a lease"),
  LEASE_UNASSIGNED("Lease Unassigned", "lease query answer: not leased"),
  LEASE_UNKNOWN("Lease Unknown", "lease query answer: unknown address"),
  LEASE_ACTIVE("Lease Active", "lease query answer: leased");

  /** values() copies its array on every call; the lookup runs once per message. */
  private static final DhcpMessageType[] BY_CODE = values();

  private final Text text;

  DhcpMessageType(String label, String meaning) {
    this.text = new Text(label, meaning);
  }

  /** The type with this code, or null for a code RFC 2132 and its successors do not define. */
  static DhcpMessageType of(int code) {
    return NumberedMessageType.of(BY_CODE, code);
  }

  @Override
  public Text text() {
    return text;
  }
}
