package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * DHCPv6 (RFC 8415): message type, transaction id and the options, addresses offered included; a
 * relay message's header, and the message it relays, decoded in turn.
 */
final class Dhcpv6 {
  /** hop-count, link-address and peer-address of a relay message, after its type. */
  private static final int RELAY_HEADER = 33;

  private Dhcpv6() {}

  static boolean isPort(int port) {
    return port == 546 || port == 547;
  }

  static void decode(Dissection d, int offset, int end) {
    Layer layer = d.layer(new Layer("DHCPv6", 7, offset, end));
    Dhcpv6Options options = new Dhcpv6Options();
    try {
      message(d, layer, offset, end, options);
    } finally {
      StringBuilder text = options.summary;
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

  /**
   * One message: the frame's own, or one relayed inside a Relay message option (then indented one
   * step per relay around it); tshark's fields keep the outermost message's values.
   */
  static void message(Dissection d, Layer layer, int offset, int end, Dhcpv6Options options) {
    byte[] data = d.data;
    String indent = options.indent();
    StringBuilder text = options.summary;
    d.need(offset, 4, end, "DHCPv6 header");
    int code = Bytes.u8(data, offset);
    Dhcpv6MessageType type = Dhcpv6MessageType.of(code);
    String name = NumberedMessageType.label(type, code);
    layer.add(
        indent + "Message type",
        code + " " + name,
        NumberedMessageType.meaning(type, "RFC 8415"),
        offset,
        1);
    d.putFirst("dhcpv6.type", code);
    text.append(name);
    int optionsAt = offset + 4;
    if (type != null && type.isRelay()) {
      d.need(offset, 1 + RELAY_HEADER, end, "DHCPv6 relay header");
      int hops = Bytes.u8(data, offset + 1);
      String link = Bytes.ipv6(data, offset + 2);
      String peer = Bytes.ipv6(data, offset + 18);
      layer
          .add(indent + "Hop count", String.valueOf(hops), "relays passed", offset + 1, 1)
          .add(indent + "Link address", link, "the link the client is on", offset + 2, 16)
          .add(indent + "Peer address", peer, "the client or relay it came from", offset + 18, 16);
      d.putFirst("dhcpv6.hopcount", hops);
      d.putFirst("dhcpv6.linkaddr", link);
      d.putFirst("dhcpv6.peeraddr", peer);
      text.append(" (hop count ").append(hops).append(", peer ").append(peer).append(')');
      optionsAt = offset + 1 + RELAY_HEADER;
    } else {
      int xid = (int) (Bytes.u32(data, offset) & 0xFFFFFF);
      layer.add(
          indent + "Transaction ID",
          Bytes.hex(xid, 6),
          "pairs answers with the question",
          offset + 1,
          3);
      d.putFirst("dhcpv6.xid", xid);
      text.append(" xid ").append(Bytes.hex(xid, 6));
    }
    options.read(d, layer, optionsAt, end, 0);
  }
}
