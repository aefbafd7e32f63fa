package dev.wirelab.inspector.decode;

import java.util.Locale;

/**
 * The DHCP options (RFC 2132) the inspector names, how their value reads, and tshark's field name
 * for it.
 */
enum DhcpOption {
  SUBNET_MASK(1, "Subnet mask", Kind.ADDRESS, "dhcp.option.subnet_mask"),
  TIME_OFFSET(2, "Time offset", Kind.SIGNED_SECONDS, "dhcp.option.time_offset"),
  ROUTER(3, "Router", Kind.ADDRESSES, "dhcp.option.router"),
  DOMAIN_NAME_SERVER(6, "Domain name servers", Kind.ADDRESSES, "dhcp.option.domain_name_server"),
  HOST_NAME(12, "Host name", Kind.TEXT, "dhcp.option.hostname"),
  DOMAIN_NAME(15, "Domain name", Kind.TEXT, "dhcp.option.domain_name"),
  INTERFACE_MTU(26, "Interface MTU", Kind.NUMBER16, "dhcp.option.interface_mtu"),
  BROADCAST_ADDRESS(28, "Broadcast address", Kind.ADDRESS, "dhcp.option.broadcast_address"),
  NTP_SERVERS(42, "NTP servers", Kind.ADDRESSES, "dhcp.option.ntp_server"),
  REQUESTED_IP(50, "Requested IP address", Kind.ADDRESS, "dhcp.option.requested_ip_address"),
  LEASE_TIME(51, "IP address lease time", Kind.SECONDS, "dhcp.option.ip_address_lease_time"),
  OPTION_OVERLOAD(52, "Option overload", Kind.OVERLOAD, "dhcp.option.option_overload"),
  // The oracle names the message type dhcp.type (tshark's dhcp.option.dhcp).
  MESSAGE_TYPE(53, "DHCP message type", Kind.MESSAGE_TYPE, "dhcp.type"),
  SERVER_ID(54, "DHCP server identifier", Kind.ADDRESS, "dhcp.option.dhcp_server_id"),
  PARAMETER_REQUEST_LIST(
      55, "Parameter request list", Kind.OPTION_CODES, "dhcp.option.request_list_item"),
  MESSAGE(56, "Message", Kind.TEXT, "dhcp.option.message"),
  MAX_MESSAGE_SIZE(
      57, "Maximum DHCP message size", Kind.NUMBER16, "dhcp.option.dhcp_max_message_size"),
  RENEWAL_TIME(58, "Renewal (T1) time", Kind.SECONDS, "dhcp.option.renewal_time_value"),
  REBINDING_TIME(59, "Rebinding (T2) time", Kind.SECONDS, "dhcp.option.rebinding_time_value"),
  VENDOR_CLASS(60, "Vendor class identifier", Kind.TEXT, "dhcp.option.vendor_class_id"),
  CLIENT_ID(61, "Client identifier", Kind.BYTES, null);

  /** How an option's value bytes read. */
  enum Kind {
    ADDRESS,
    ADDRESSES,
    SECONDS,
    SIGNED_SECONDS,
    NUMBER16,
    TEXT,
    MESSAGE_TYPE,
    OVERLOAD,
    OPTION_CODES,
    BYTES
  }

  private static final DhcpOption[] BY_CODE = new DhcpOption[256];

  static {
    for (DhcpOption option : values()) {
      BY_CODE[option.code] = option;
    }
  }

  private final int code;
  private final String label;
  private final Kind kind;
  private final String field;

  DhcpOption(int code, String label, Kind kind, String field) {
    this.code = code;
    this.label = label;
    this.kind = kind;
    this.field = field;
  }

  /** The option with this code, or null when the inspector does not name it. */
  static DhcpOption of(int code) {
    return BY_CODE[code & 0xFF];
  }

  /** "Router (3)", or "Option 119" for an option without a name here. */
  static String name(int code) {
    DhcpOption option = of(code);
    return option == null
        ? "Option " + code
        : option.label.substring(0, 1).toUpperCase(Locale.ROOT) + option.label.substring(1);
  }

  int code() {
    return code;
  }

  String label() {
    return label;
  }

  Kind kind() {
    return kind;
  }

  /** tshark's field name for the value in --json, or null when --json leaves it out. */
  String field() {
    return field;
  }
}
