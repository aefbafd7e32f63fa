package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * DHCP (RFC 2131) and the BOOTP message it travels in (RFC 951): the fixed header, the magic
 * cookie, the options; the summary says who asks for or gets which address.
 */
final class Dhcp {
  /** op, htype, hlen, hops, xid, secs, flags, four addresses, chaddr, sname and file. */
  private static final int FIXED_LENGTH = 236;

  private static final int SNAME = 44;
  private static final int SNAME_LENGTH = 64;
  private static final int FILE = 108;
  private static final int FILE_LENGTH = 128;

  private static final long MAGIC_COOKIE = 0x63825363L;
  private static final int ETHERNET = 1;

  private Dhcp() {}

  static boolean isPort(int port) {
    return port == 67 || port == 68;
  }

  static void decode(Dissection d, int offset, int end) {
    byte[] data = d.data;
    Layer layer = d.layer(new Layer("DHCP", 7, offset, end));
    d.need(offset, FIXED_LENGTH, end, "BOOTP header");
    int op = Bytes.u8(data, offset);
    int hardwareType = Bytes.u8(data, offset + 1);
    int hardwareLength = Bytes.u8(data, offset + 2);
    long xid = Bytes.u32(data, offset + 4);
    String yourIp = Bytes.ipv4(data, offset + 16);
    String clientIp = Bytes.ipv4(data, offset + 12);
    boolean ethernet = hardwareType == ETHERNET && hardwareLength == 6;
    String client = Bytes.hexWithColons(data, offset + 28, Math.min(hardwareLength, 16));
    if (d.details) {
      header(layer, data, offset, op, hardwareType, hardwareLength, client);
    }
    d.put("dhcp.xid", xid);
    if (ethernet) {
      d.put("dhcp.client_mac", client);
    }
    d.put("dhcp.your_ip", yourIp);
    int optionsAt = offset + FIXED_LENGTH + 4;
    boolean cookie = optionsAt <= end && Bytes.u32(data, offset + FIXED_LENGTH) == MAGIC_COOKIE;
    DhcpOptions options = null;
    try {
      if (cookie) {
        layer.add("Magic cookie", "0x63825363", "DHCP options follow", offset + FIXED_LENGTH, 4);
        options = new DhcpOptions();
        options.read(d, layer, optionsAt, end);
      }
      overflowFields(d, layer, offset, options);
    } finally {
      d.frame.appendSummary(summary(op, xid, client, clientIp, yourIp, options));
    }
  }

  private static void header(
      Layer layer,
      byte[] data,
      int offset,
      int op,
      int hardwareType,
      int hardwareLength,
      String client) {
    int flags = Bytes.u16(data, offset + 10);
    layer
        .add(
            "Message op",
            String.valueOf(op),
            op == 1
                ? "boot request (client to server)"
                : op == 2 ? "boot reply (server to client)" : "unknown",
            offset,
            1)
        .add(
            "Hardware type",
            String.valueOf(hardwareType),
            hardwareType == ETHERNET ? "Ethernet" : "",
            offset + 1,
            1)
        .add("Hardware address length", String.valueOf(hardwareLength), "", offset + 2, 1)
        .add(
            "Hops",
            String.valueOf(Bytes.u8(data, offset + 3)),
            "relay agents passed",
            offset + 3,
            1)
        .add(
            "Transaction ID",
            Bytes.hex((int) Bytes.u32(data, offset + 4), 8),
            "pairs the server's answers with the client's question",
            offset + 4,
            4)
        .add(
            "Seconds elapsed",
            String.valueOf(Bytes.u16(data, offset + 8)),
            "since the client began",
            offset + 8,
            2)
        .add(
            "Flags",
            Bytes.hex(flags, 4),
            (flags & 0x8000) != 0 ? "broadcast: answer to everyone" : "unicast answers accepted",
            offset + 10,
            2)
        .add(
            "Client IP address",
            Bytes.ipv4(data, offset + 12),
            "ciaddr: the client's own, if it has one",
            offset + 12,
            4)
        .add(
            "Your IP address",
            Bytes.ipv4(data, offset + 16),
            "yiaddr: the address the server gives",
            offset + 16,
            4)
        .add(
            "Next server IP address",
            Bytes.ipv4(data, offset + 20),
            "siaddr: where to boot from",
            offset + 20,
            4)
        .add(
            "Relay agent IP address",
            Bytes.ipv4(data, offset + 24),
            "giaddr: 0.0.0.0 when no relay",
            offset + 24,
            4)
        .add(
            "Client hardware address",
            client,
            "chaddr: the client's network card",
            offset + 28,
            16);
  }

  /**
   * The file and sname fields: text, or more options when option 52 says so (RFC 2132 9.3), read in
   * the order RFC 2131 4.1 gives: file first, then sname. They come after the options field because
   * only its option 52 tells which they are. An option 52 inside them is not followed again, so the
   * reading ends.
   */
  private static void overflowFields(Dissection d, Layer layer, int offset, DhcpOptions options) {
    DhcpOverload overload = options == null ? null : options.overload;
    overflowField(
        d,
        layer,
        "Boot file name",
        offset + FILE,
        FILE_LENGTH,
        overload != null && overload.file(),
        options);
    overflowField(
        d,
        layer,
        "Server host name",
        offset + SNAME,
        SNAME_LENGTH,
        overload != null && overload.sname(),
        options);
  }

  private static void overflowField(
      Dissection d,
      Layer layer,
      String label,
      int at,
      int length,
      boolean holdsOptions,
      DhcpOptions options) {
    if (holdsOptions) {
      layer.add(label, "(options)", "option 52: more DHCP options, not a name", at, length);
      options.read(d, layer, at, at + length);
      return;
    }
    String text = Text.printable(d.data, at, length);
    if (!text.isEmpty()) {
      layer.add(label, text, "", at, length);
    }
  }

  /**
   * "DHCP Discover xid 0x3903f326 from 00:0b:82:01:fc:42", "DHCP Offer xid ... to ...: 192.0.2.123,
   * lease 3600 s"; a message without option 53 is plain BOOTP.
   */
  private static String summary(
      int op, long xid, String client, String clientIp, String yourIp, DhcpOptions options) {
    StringBuilder text = new StringBuilder();
    int code = options == null ? -1 : options.messageType;
    if (code < 0) {
      text.append(op == 2 ? "BOOTP Reply" : "BOOTP Request");
    } else {
      text.append("DHCP ").append(NumberedMessageType.label(DhcpMessageType.of(code), code));
    }
    text.append(" xid ").append(Bytes.hex((int) xid, 8));
    text.append(op == 2 ? " to " : " from ").append(client);
    if (!yourIp.equals("0.0.0.0")) {
      text.append(": ").append(yourIp);
    } else if (options != null && options.requestedIp != null) {
      text.append(" for ").append(options.requestedIp);
    } else if (!clientIp.equals("0.0.0.0")) {
      text.append(" (client ").append(clientIp).append(')');
    }
    if (options != null && options.leaseSeconds >= 0) {
      text.append(", lease ").append(options.leaseSeconds).append(" s");
    }
    if (options != null && options.message != null) {
      text.append(" (\"").append(options.message).append("\")");
    }
    return text.toString();
  }
}
