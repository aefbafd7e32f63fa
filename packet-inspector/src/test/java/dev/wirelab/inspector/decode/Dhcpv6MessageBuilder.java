package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.Packets;
import java.io.ByteArrayOutputStream;

/**
 * Builds a DHCPv6 message byte by byte (RFC 8415 8 and 9): a client/server message with its
 * transaction id, or a relay message with its hop count and addresses, then the options.
 */
public final class Dhcpv6MessageBuilder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private Dhcpv6MessageBuilder() {}

  /** A client/server message: type, 3-byte transaction id. */
  public static Dhcpv6MessageBuilder message(int type, int xid) {
    Dhcpv6MessageBuilder builder = new Dhcpv6MessageBuilder();
    builder.out.write(type);
    builder.out.write(xid >> 16);
    builder.out.write(xid >> 8);
    builder.out.write(xid);
    return builder;
  }

  /** A Relay-forw (12) or Relay-repl (13): type, hop count, link address, peer address. */
  public static Dhcpv6MessageBuilder relay(int type, int hops, String link, String peer) {
    Dhcpv6MessageBuilder builder = new Dhcpv6MessageBuilder();
    builder.out.write(type);
    builder.out.write(hops);
    builder.out.writeBytes(Packets.address6(link));
    builder.out.writeBytes(Packets.address6(peer));
    return builder;
  }

  public Dhcpv6MessageBuilder option(int code, byte[] value) {
    byte[] header = new byte[4];
    Packets.put16(header, 0, code);
    Packets.put16(header, 2, value.length);
    out.writeBytes(header);
    out.writeBytes(value);
    return this;
  }

  public Dhcpv6MessageBuilder option(int code, int... value) {
    byte[] bytes = new byte[value.length];
    for (int i = 0; i < value.length; i++) {
      bytes[i] = (byte) value[i];
    }
    return option(code, bytes);
  }

  /** Option 9, holding a whole message. */
  public Dhcpv6MessageBuilder relayMessage(Dhcpv6MessageBuilder inner) {
    return option(9, inner.build());
  }

  /**
   * An IA_NA (3) holding one IA address (5); T1 and T2 at 0.5 and 0.8 of the preferred lifetime, as
   * RFC 8415 21.4 recommends.
   */
  public Dhcpv6MessageBuilder iaNa(int iaid, String address, long preferred, long valid) {
    byte[] ia = new byte[12 + 4 + 24];
    Packets.put32(ia, 0, iaid);
    Packets.put32(ia, 4, preferred / 2);
    Packets.put32(ia, 8, preferred * 4 / 5);
    Packets.put16(ia, 12, 5);
    Packets.put16(ia, 14, 24);
    System.arraycopy(Packets.address6(address), 0, ia, 16, 16);
    Packets.put32(ia, 32, preferred);
    Packets.put32(ia, 36, valid);
    return option(3, ia);
  }

  public byte[] build() {
    return out.toByteArray();
  }
}
