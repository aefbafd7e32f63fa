package dev.wirelab.inspector.decode;

/** Hands an IP payload to the decoder of its protocol number. */
final class IpProtocols {
  private IpProtocols() {}

  static String name(int protocol) {
    return switch (protocol) {
      case 0 -> "Hop-by-Hop Options";
      case 1 -> "ICMP";
      case 2 -> "IGMP";
      case 4 -> "IPv4-in-IP";
      case 6 -> "TCP";
      case 17 -> "UDP";
      case 41 -> "IPv6-in-IP";
      case 43 -> "Routing";
      case 44 -> "Fragment";
      case 47 -> "GRE";
      case 50 -> "ESP";
      case 51 -> "Authentication";
      case 58 -> "ICMPv6";
      case 59 -> "No Next Header";
      case 60 -> "Destination Options";
      case 89 -> "OSPF";
      case 132 -> "SCTP";
      default -> "ip-proto-" + protocol;
    };
  }

  /**
   * @param end one past the last payload byte present in the frame
   * @param wireLength payload length as the IP header states it
   */
  static void dispatch(Dissection d, int protocol, int offset, int end, int wireLength) {
    switch (protocol) {
      case 1 -> Icmp.decode(d, offset, end, wireLength);
      case 2 -> Igmp.decode(d, offset, end, wireLength);
      case 6 -> Tcp.decode(d, offset, end, wireLength);
      case 17 -> Udp.decode(d, offset, end);
      case 58 -> Icmpv6.decode(d, offset, end, wireLength);
      case 4 -> Ipv4.decode(d, offset, end);
      case 41 -> Ipv6.decode(d, offset, end);
      default -> {}
    }
  }
}
