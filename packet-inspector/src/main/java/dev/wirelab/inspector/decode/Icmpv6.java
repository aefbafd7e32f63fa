package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** ICMPv6 (RFC 4443, 4861): echo, errors, and neighbour discovery, IPv6's replacement for ARP. */
final class Icmpv6 {
  private Icmpv6() {}

  static void decode(Dissection d, int offset, int end, int wireLength) {
    d.need(offset, 4, end, "ICMPv6 header");
    byte[] data = d.data;
    int type = Bytes.u8(data, offset);
    int code = Bytes.u8(data, offset + 1);
    String meaning = meaning(type);
    Layer layer =
        Icmp.header(d, "ICMPv6", "icmpv6", offset, end, wireLength, meaning, isError(type));
    String text = "ICMP6, " + meaning;
    if ((type == 128 || type == 129) && offset + 8 <= end) {
      text += Icmp.echo(layer, data, offset);
    } else if ((type == 135 || type == 136) && offset + 24 <= end) {
      String target = Bytes.ipv6(data, offset + 8);
      layer.add(
          "Target address",
          target,
          type == 135 ? "whose MAC address is asked for" : "whose MAC address is announced",
          offset + 8,
          16);
      text += (type == 135 ? ", who has " : ", tgt is ") + target;
    }
    d.summary(d.ipName + " " + d.src + " > " + d.dst + ": " + text + ", length " + wireLength);
    if (isError(type)) {
      QuotedPacket.decode(d, layer, offset + 8, end, true);
    }
  }

  private static boolean isError(int type) {
    return type >= 1 && type <= 4;
  }

  private static String meaning(int type) {
    return switch (type) {
      case 1 -> "destination unreachable";
      case 2 -> "packet too big";
      case 3 -> "time exceeded";
      case 4 -> "parameter problem";
      case 128 -> "echo request";
      case 129 -> "echo reply";
      case 133 -> "router solicitation";
      case 134 -> "router advertisement";
      case 135 -> "neighbor solicitation";
      case 136 -> "neighbor advertisement";
      case 137 -> "redirect";
      case 143 -> "multicast listener report v2";
      default -> "type " + type;
    };
  }
}
