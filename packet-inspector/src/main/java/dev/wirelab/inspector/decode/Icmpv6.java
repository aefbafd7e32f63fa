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
    Layer layer = d.frame.addLayer(new Layer("ICMPv6", 3, offset, Icmp.messageEnd(offset, end, wireLength, type >= 1 && type <= 4)));
    if (d.details) {
      layer.add("Type", String.valueOf(type), meaning, offset, 1)
          .add("Code", String.valueOf(code), "", offset + 1, 1)
          .add("Checksum", Bytes.hex(Bytes.u16(data, offset + 2), 4), "not verified", offset + 2, 2);
    }
    d.putFirst("icmpv6.type", type);
    d.putFirst("icmpv6.code", code);
    String text = "ICMP6, " + meaning;
    if ((type == 128 || type == 129) && offset + 8 <= end) {
      int id = Bytes.u16(data, offset + 4);
      int seq = Bytes.u16(data, offset + 6);
      layer.add("Identifier", String.valueOf(id), "which ping program", offset + 4, 2)
          .add("Sequence number", String.valueOf(seq), "which ping of that program", offset + 6, 2);
      text += ", id " + id + ", seq " + seq;
    } else if ((type == 135 || type == 136) && offset + 24 <= end) {
      String target = Bytes.ipv6(data, offset + 8);
      layer.add("Target address", target, type == 135 ? "whose MAC address is asked for" : "whose MAC address is announced", offset + 8, 16);
      text += (type == 135 ? ", who has " : ", tgt is ") + target;
    }
    d.summary(d.ipName + " " + d.src + " > " + d.dst + ": " + text + ", length " + wireLength);
    if (type >= 1 && type <= 4) {
      QuotedPacket.decode(d, layer, offset + 8, end, true);
    }
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
