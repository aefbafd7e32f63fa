package dev.wirelab.inspector.decode;

/**
 * Well-known UDP ports and the service on them (IANA's registry), for the summary to name what the
 * inspector does not decode, and for the layers to say what a port is.
 */
enum UdpService {
  DHCP_SERVER(67, "DHCP server (BOOTP)", true),
  DHCP_CLIENT(68, "DHCP client (BOOTP)", true),
  TFTP(69, "TFTP", false),
  NTP(123, "NTP", true),
  NETBIOS_NAME(137, "NetBIOS name service", true),
  NETBIOS_DATAGRAM(138, "NetBIOS datagram", false),
  SNMP(161, "SNMP", false),
  SNMP_TRAP(162, "SNMP trap", false),
  QUIC(443, "QUIC", true),
  IKE(500, "IKE (IPsec key exchange)", false),
  SYSLOG(514, "syslog", false),
  RIP(520, "RIP", false),
  DHCPV6_CLIENT(546, "DHCPv6 client", true),
  DHCPV6_SERVER(547, "DHCPv6 server", true),
  DNS_OVER_QUIC(853, "DNS over QUIC", false),
  OPENVPN(1194, "OpenVPN", false),
  L2TP(1701, "L2TP", false),
  RADIUS(1812, "RADIUS", false),
  RADIUS_ACCOUNTING(1813, "RADIUS accounting", false),
  SSDP(1900, "SSDP", true),
  STUN(3478, "STUN/TURN", false),
  WS_DISCOVERY(3702, "WS-Discovery", false),
  IPSEC_NAT_T(4500, "IPsec NAT traversal", false),
  VXLAN(4789, "VXLAN", false),
  SIP(5060, "SIP", false),
  COAP(5683, "CoAP", false),
  GENEVE(6081, "Geneve", false),
  WIREGUARD(51820, "WireGuard", false);

  /** values() copies its array on every call; the lookups run once per datagram. */
  private static final UdpService[] ALL = values();

  private final int port;
  private final String label;
  private final boolean decoded;

  UdpService(int port, String label, boolean decoded) {
    this.port = port;
    this.label = label;
    this.decoded = decoded;
  }

  /** The service on {@code port}, or null. */
  static UdpService of(int port) {
    for (UdpService service : ALL) {
      if (service.port == port) {
        return service;
      }
    }
    return null;
  }

  /**
   * The service of a datagram no decoder took: the one of the lower port when both are known (the
   * server's, usually), or null.
   */
  static UdpService undecoded(int srcPort, int dstPort) {
    UdpService low = of(Math.min(srcPort, dstPort));
    UdpService service = low != null ? low : of(Math.max(srcPort, dstPort));
    return service == null || service.decoded ? null : service;
  }

  int port() {
    return port;
  }

  String label() {
    return label;
  }
}
