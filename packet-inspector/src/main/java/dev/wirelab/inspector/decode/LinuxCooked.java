package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** Linux "cooked" capture headers (tcpdump -i any): SLL v1 (16 bytes) and SLL2 (20 bytes). */
final class LinuxCooked {
  private static final int ARPHRD_IPGRE = 778;

  private LinuxCooked() {}

  static void decodeV1(Dissection d, int end) {
    d.need(0, 16, end, "Linux cooked header");
    byte[] data = d.data;
    int packetType = Bytes.u16(data, 0);
    int hardwareType = Bytes.u16(data, 2);
    int addressLength = Bytes.u16(data, 4);
    int protocol = Bytes.u16(data, 14);
    Layer layer = d.layer(new Layer("Linux cooked v1", 2, 0, 16));
    if (d.details) {
      layer
          .add("Packet type", String.valueOf(packetType), packetTypeMeaning(packetType), 0, 2)
          .add("Hardware type", String.valueOf(hardwareType), hardwareMeaning(hardwareType), 2, 2)
          .add("Address length", String.valueOf(addressLength), "", 4, 2);
    }
    address(d, layer, hardwareType, 6, Math.min(addressLength, 8));
    layer.add("Protocol", Bytes.hex(protocol, 4), EtherTypes.name(protocol), 14, 2);
    common(d, packetType, hardwareType, protocol, 16, end);
  }

  static void decodeV2(Dissection d, int end) {
    d.need(0, 20, end, "Linux cooked v2 header");
    byte[] data = d.data;
    int protocol = Bytes.u16(data, 0);
    long ifindex = Bytes.u32(data, 4);
    int hardwareType = Bytes.u16(data, 8);
    int packetType = Bytes.u8(data, 10);
    int addressLength = Bytes.u8(data, 11);
    Layer layer = d.layer(new Layer("Linux cooked v2", 2, 0, 20));
    if (d.details) {
      layer
          .add("Protocol", Bytes.hex(protocol, 4), EtherTypes.name(protocol), 0, 2)
          .add(
              "Interface index",
              String.valueOf(ifindex),
              "which interface (ip link shows the numbers)",
              4,
              4)
          .add("Hardware type", String.valueOf(hardwareType), hardwareMeaning(hardwareType), 8, 2)
          .add("Packet type", String.valueOf(packetType), packetTypeMeaning(packetType), 10, 1)
          .add("Address length", String.valueOf(addressLength), "", 11, 1);
    }
    address(d, layer, hardwareType, 12, Math.min(addressLength, 8));
    d.put("sll.ifindex", ifindex);
    common(d, packetType, hardwareType, protocol, 20, end);
  }

  private static void address(Dissection d, Layer layer, int hardwareType, int offset, int length) {
    if (length == 0) {
      return;
    }
    String address =
        hardwareType == ARPHRD_IPGRE && length == 4
            ? Bytes.ipv4(d.data, offset)
            : Bytes.hexWithColons(d.data, offset, length);
    layer.add("Source address", address, "link-layer address of the sender", offset, length);
    d.put("sll.src", address);
  }

  private static void common(
      Dissection d, int packetType, int hardwareType, int protocol, int offset, int end) {
    d.put("sll.pkttype", packetType);
    d.put("sll.hatype", hardwareType);
    d.put("sll.protocol", protocol);
    EtherTypes.dispatch(d, protocol, offset, end);
  }

  private static String packetTypeMeaning(int type) {
    return switch (type) {
      case 0 -> "to us";
      case 1 -> "broadcast";
      case 2 -> "multicast";
      case 3 -> "to another host";
      case 4 -> "sent by us";
      default -> "unknown";
    };
  }

  private static String hardwareMeaning(int type) {
    return switch (type) {
      case 1 -> "Ethernet";
      case 512 -> "PPP";
      case 772 -> "loopback";
      case 776 -> "IPv6-in-IPv4 tunnel";
      case ARPHRD_IPGRE -> "GRE tunnel";
      case 65534 -> "no header (tun)";
      default -> "ARPHRD " + type;
    };
  }
}
