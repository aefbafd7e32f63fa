package dev.wirelab.inspector.decode;

/** Hands the bytes after an EtherType to the decoder of that protocol. */
final class EtherTypes {
  static final int IPV4 = 0x0800;
  static final int ARP = 0x0806;
  static final int VLAN = 0x8100;
  static final int QINQ = 0x88A8;
  static final int QINQ_OLD = 0x9100;
  static final int IPV6 = 0x86DD;

  private EtherTypes() {}

  static String name(int type) {
    return switch (type) {
      case IPV4 -> "IPv4";
      case ARP -> "ARP";
      case VLAN -> "802.1Q VLAN tag";
      case QINQ -> "802.1ad service VLAN tag";
      case QINQ_OLD -> "802.1Q-in-Q tag (pre-standard)";
      case IPV6 -> "IPv6";
      case 0x88CC -> "LLDP";
      case 0x8035 -> "RARP";
      case 0x8847 -> "MPLS";
      case 0x8863, 0x8864 -> "PPPoE";
      case 0x888E -> "802.1X EAPOL";
      default -> type <= 1500 ? "an 802.3 length, not a type" : "not decoded";
    };
  }

  static void dispatch(Dissection d, int type, int offset, int end) {
    switch (type) {
      case IPV4 -> Ipv4.decode(d, offset, end);
      case IPV6 -> Ipv6.decode(d, offset, end);
      case ARP -> Arp.decode(d, offset, end);
      case VLAN, QINQ, QINQ_OLD -> Ethernet.vlanTag(d, type, offset, end);
      default ->
          d.summary(
              "ethertype " + Bytes.hex(type, 4) + " (" + name(type) + "), length " + d.frame.len());
    }
  }
}
