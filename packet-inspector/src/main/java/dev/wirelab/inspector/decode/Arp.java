package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** ARP (RFC 826): who has this IPv4 address, and the answer with its MAC address. */
final class Arp {
  private Arp() {}

  static void decode(Dissection d, int offset, int end) {
    d.need(offset, 8, end, "ARP header");
    byte[] data = d.data;
    int hardwareType = Bytes.u16(data, offset);
    int protocolType = Bytes.u16(data, offset + 2);
    int hardwareLength = Bytes.u8(data, offset + 4);
    int protocolLength = Bytes.u8(data, offset + 5);
    int opcode = Bytes.u16(data, offset + 6);
    int length = 8 + 2 * (hardwareLength + protocolLength);
    Layer layer = d.layer(new Layer("ARP", 3, offset, Math.min(offset + length, end)));
    if (d.details) {
      layer
          .add(
              "Hardware type",
              String.valueOf(hardwareType),
              hardwareType == 1 ? "Ethernet" : "",
              offset,
              2)
          .add(
              "Protocol type",
              Bytes.hex(protocolType, 4),
              EtherTypes.name(protocolType),
              offset + 2,
              2)
          .add(
              "Hardware size",
              String.valueOf(hardwareLength),
              "bytes per MAC address",
              offset + 4,
              1)
          .add(
              "Protocol size",
              String.valueOf(protocolLength),
              "bytes per IP address",
              offset + 5,
              1)
          .add("Opcode", String.valueOf(opcode), opcodeMeaning(opcode), offset + 6, 2);
    }
    d.put("arp.opcode", opcode);
    d.summary("ARP, " + opcodeMeaning(opcode) + ", length " + length);
    if (hardwareLength != 6 || protocolLength != 4) {
      return;
    }
    d.need(offset, length, end, "ARP addresses");
    int at = offset + 8;
    String senderMac = Bytes.mac(data, at);
    String senderIp = Bytes.ipv4(data, at + 6);
    String targetMac = Bytes.mac(data, at + 10);
    String targetIp = Bytes.ipv4(data, at + 16);
    layer
        .add("Sender MAC", senderMac, "", at, 6)
        .add("Sender IP", senderIp, "", at + 6, 4)
        .add(
            "Target MAC",
            targetMac,
            opcode == 1 ? "unknown yet: that is the question" : "",
            at + 10,
            6)
        .add("Target IP", targetIp, "", at + 16, 4);
    d.put("arp.sender_mac", senderMac);
    d.put("arp.sender_ip", senderIp);
    d.put("arp.target_mac", targetMac);
    d.put("arp.target_ip", targetIp);
    if (opcode == 1) {
      d.summary("ARP, Request who-has " + targetIp + " tell " + senderIp + ", length " + length);
    } else if (opcode == 2) {
      d.summary("ARP, Reply " + senderIp + " is-at " + senderMac + ", length " + length);
    }
  }

  private static String opcodeMeaning(int opcode) {
    return switch (opcode) {
      case 1 -> "Request";
      case 2 -> "Reply";
      case 3 -> "RARP request";
      case 4 -> "RARP reply";
      default -> "opcode " + opcode;
    };
  }
}
