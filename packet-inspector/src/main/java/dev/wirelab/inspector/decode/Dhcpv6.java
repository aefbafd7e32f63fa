package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** DHCPv6 (RFC 8415): message type, transaction id and the options, addresses offered included. */
final class Dhcpv6 {
  /** hop-count, link-address and peer-address of a relay message, after its type. */
  private static final int RELAY_HEADER = 34;

  private Dhcpv6() {}

  static boolean isPort(int port) {
    return port == 546 || port == 547;
  }

  static void decode(Dissection d, int offset, int end) {
    byte[] data = d.data;
    Layer layer = d.layer(new Layer("DHCPv6", 7, offset, end));
    d.need(offset, 4, end, "DHCPv6 header");
    int code = Bytes.u8(data, offset);
    Dhcpv6MessageType type = Dhcpv6MessageType.of(code);
    String name = type == null ? "type " + code : type.label();
    layer.add(
        "Message type",
        code + " " + name,
        type == null ? "not a type RFC 8415 defines" : type.meaning(),
        offset,
        1);
    d.put("dhcpv6.type", code);
    StringBuilder text = new StringBuilder("DHCPv6 ").append(name);
    int optionsAt = offset + 4;
    if (type != null && type.isRelay()) {
      d.need(offset, 1 + RELAY_HEADER, end, "DHCPv6 relay header");
      layer
          .add(
              "Hop count",
              String.valueOf(Bytes.u8(data, offset + 1)),
              "relays passed",
              offset + 1,
              1)
          .add(
              "Link address",
              Bytes.ipv6(data, offset + 2),
              "the link the client is on",
              offset + 2,
              16)
          .add(
              "Peer address",
              Bytes.ipv6(data, offset + 18),
              "the client or relay it came from",
              offset + 18,
              16);
      optionsAt = offset + 1 + RELAY_HEADER;
    } else {
      int xid = (int) (Bytes.u32(data, offset) & 0xFFFFFF);
      layer.add(
          "Transaction ID", Bytes.hex(xid, 6), "pairs answers with the question", offset + 1, 3);
      d.put("dhcpv6.xid", xid);
      text.append(" xid ").append(Bytes.hex(xid, 6));
    }
    Dhcpv6Options options = new Dhcpv6Options();
    try {
      options.read(d, layer, optionsAt, end, 0);
    } finally {
      if (!options.addresses.isEmpty()) {
        text.append(": ").append(String.join(", ", options.addresses));
      }
      d.frame.appendSummary(text.toString());
      if (!options.codes.isEmpty()) {
        d.put("dhcpv6.option.type", options.codes);
      }
      if (!options.addresses.isEmpty()) {
        d.put("dhcpv6.iaaddr.ip", options.addresses.get(0));
      }
      if (!options.dnsServers.isEmpty()) {
        d.put("dhcpv6.dns_server", options.dnsServers);
      }
      if (options.elapsed >= 0) {
        d.put("dhcpv6.elapsed_time", options.elapsed);
      }
    }
  }
}
