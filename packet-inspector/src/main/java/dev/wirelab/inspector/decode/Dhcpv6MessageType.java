package dev.wirelab.inspector.decode;

/** The DHCPv6 message types (RFC 8415 7.3). */
enum Dhcpv6MessageType {
  SOLICIT(1, "Solicit", "a client looks for servers"),
  ADVERTISE(2, "Advertise", "a server offers addresses"),
  REQUEST(3, "Request", "the client asks one server for the offered addresses"),
  CONFIRM(4, "Confirm", "a client that moved asks whether its addresses still fit the link"),
  RENEW(5, "Renew", "the client extends its lease with the server that gave it"),
  REBIND(6, "Rebind", "the client extends its lease with any server"),
  REPLY(7, "Reply", "a server answers: addresses leased, or the result"),
  RELEASE(8, "Release", "the client gives addresses back"),
  DECLINE(9, "Decline", "the client found an address already in use"),
  RECONFIGURE(10, "Reconfigure", "the server asks the client to renew or ask again"),
  INFORMATION_REQUEST(11, "Information-request", "a client asks only for settings (DNS, ...)"),
  RELAY_FORW(12, "Relay-forw", "a relay agent passes a client's message on to a server"),
  RELAY_REPL(13, "Relay-repl", "a server's answer, through the relay agent");

  private static final Dhcpv6MessageType[] BY_CODE = values();

  private final int code;
  private final String label;
  private final String meaning;

  Dhcpv6MessageType(int code, String label, String meaning) {
    this.code = code;
    this.label = label;
    this.meaning = meaning;
  }

  /** The type with this code, or null for one RFC 8415 does not define here. */
  static Dhcpv6MessageType of(int code) {
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

  boolean isRelay() {
    return this == RELAY_FORW || this == RELAY_REPL;
  }
}
