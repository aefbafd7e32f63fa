package dev.wirelab.inspector.decode;

/** The DHCPv6 message types (RFC 8415 7.3), codes 1 to 13 in order. */
enum Dhcpv6MessageType implements NumberedMessageType {
  SOLICIT("Solicit", "a client looks for servers"),
  ADVERTISE("Advertise", "a server offers addresses"),
  REQUEST("Request", "the client asks one server for the offered addresses"),
  CONFIRM("Confirm", "a client that moved asks whether its addresses still fit the link"),
  RENEW("Renew", "the client extends its lease with the server that gave it"),
  REBIND("Rebind", "the client extends its lease with any server"),
  REPLY("Reply", "a server answers: addresses leased, or the result"),
  RELEASE("Release", "the client gives addresses back"),
  DECLINE("Decline", "the client found an address already in use"),
  RECONFIGURE("Reconfigure", "the server asks the client to renew or ask again"),
  INFORMATION_REQUEST("Information-request", "a client asks only for settings (DNS, ...)"),
  RELAY_FORW("Relay-forw", "a relay agent passes a client's message on to a server"),
  RELAY_REPL("Relay-repl", "a server's answer, through the relay agent");

  /** values() copies its array on every call; the lookup runs once per message. */
  private static final Dhcpv6MessageType[] BY_CODE = values();

  private final Text text;

  Dhcpv6MessageType(String label, String meaning) {
    this.text = new Text(label, meaning);
  }

  /** The type with this code, or null for a code RFC 8415 and its successors do not define. */
  static Dhcpv6MessageType of(int code) {
    return NumberedMessageType.of(BY_CODE, code);
  }

  @Override
  public Text text() {
    return text;
  }

  boolean isRelay() {
    return this == RELAY_FORW || this == RELAY_REPL;
  }
}
