package dev.wirelab.inspector.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a DHCP message byte by byte (RFC 2131 fixed header, cookie, options), for round trips and
 * the generated captures; options can be put in the file and sname fields too (option overload, RFC
 * 2132 9.3).
 */
public final class DhcpMessageBuilder {
  private static final int SNAME = 44;
  private static final int SNAME_LENGTH = 64;
  private static final int FILE = 108;
  private static final int FILE_LENGTH = 128;
  private static final int END = 255;

  private final byte[] header = new byte[236];
  private final ByteArrayOutputStream options = new ByteArrayOutputStream();
  private final ByteArrayOutputStream file = new ByteArrayOutputStream();
  private final ByteArrayOutputStream sname = new ByteArrayOutputStream();
  private ByteArrayOutputStream target = options;

  public DhcpMessageBuilder(int op, long xid, byte[] mac) {
    header[0] = (byte) op;
    header[1] = 1;
    header[2] = 6;
    for (int i = 0; i < 4; i++) {
      header[4 + i] = (byte) (xid >> (24 - 8 * i));
    }
    System.arraycopy(mac, 0, header, 28, 6);
  }

  public DhcpMessageBuilder yourIp(int a, int b, int c, int d) {
    header[16] = (byte) a;
    header[17] = (byte) b;
    header[18] = (byte) c;
    header[19] = (byte) d;
    return this;
  }

  /** A server host name in the sname field (which then cannot hold options). */
  public DhcpMessageBuilder serverName(String name) {
    byte[] text = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, header, SNAME, text.length);
    return this;
  }

  /** The options that follow go into the file field. */
  public DhcpMessageBuilder inFile() {
    target = file;
    return this;
  }

  /** The options that follow go into the sname field. */
  public DhcpMessageBuilder inSname() {
    target = sname;
    return this;
  }

  public DhcpMessageBuilder option(int code, int... value) {
    target.write(code);
    target.write(value.length);
    for (int b : value) {
      target.write(b);
    }
    return this;
  }

  public DhcpMessageBuilder option(int code, String text) {
    return option(code, text.chars().toArray());
  }

  /** The message with the End option in each area used; {@code cut} bytes removed from its end. */
  public byte[] build(int cut) {
    byte[] fixed = header.clone();
    overflow(fixed, file, FILE, FILE_LENGTH);
    overflow(fixed, sname, SNAME, SNAME_LENGTH);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(fixed);
    out.writeBytes(new byte[] {0x63, (byte) 0x82, 0x53, 0x63});
    out.writeBytes(options.toByteArray());
    out.write(END);
    byte[] all = out.toByteArray();
    return Arrays.copyOf(all, all.length - cut);
  }

  private static void overflow(byte[] fixed, ByteArrayOutputStream area, int at, int length) {
    if (area.size() == 0) {
      return;
    }
    if (area.size() + 1 > length) {
      throw new IllegalArgumentException(area.size() + " option bytes do not fit in " + length);
    }
    System.arraycopy(area.toByteArray(), 0, fixed, at, area.size());
    fixed[at + area.size()] = (byte) END;
  }
}
