package dev.wirelab.inspector.decode;

import java.io.ByteArrayOutputStream;

/** Builds a DHCP message byte by byte (RFC 2131 fixed header, cookie, options), for round trips. */
final class DhcpMessageBuilder {
  private final byte[] header = new byte[236];
  private final ByteArrayOutputStream options = new ByteArrayOutputStream();

  DhcpMessageBuilder(int op, long xid, byte[] mac) {
    header[0] = (byte) op;
    header[1] = 1;
    header[2] = 6;
    for (int i = 0; i < 4; i++) {
      header[4 + i] = (byte) (xid >> (24 - 8 * i));
    }
    System.arraycopy(mac, 0, header, 28, 6);
  }

  DhcpMessageBuilder yourIp(int a, int b, int c, int d) {
    header[16] = (byte) a;
    header[17] = (byte) b;
    header[18] = (byte) c;
    header[19] = (byte) d;
    return this;
  }

  DhcpMessageBuilder option(int code, int... value) {
    options.write(code);
    options.write(value.length);
    for (int b : value) {
      options.write(b);
    }
    return this;
  }

  DhcpMessageBuilder option(int code, String text) {
    options.write(code);
    options.write(text.length());
    options.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return this;
  }

  /** The message with the End option; {@code cut} bytes removed from its end. */
  byte[] build(int cut) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header);
    out.writeBytes(new byte[] {0x63, (byte) 0x82, 0x53, 0x63});
    out.writeBytes(options.toByteArray());
    out.write(255);
    byte[] all = out.toByteArray();
    return java.util.Arrays.copyOf(all, all.length - cut);
  }
}
