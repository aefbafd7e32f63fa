package dev.wirelab.labs.lab04;

import dev.wirelab.labs.lab04.AnnotatedHeader.Field;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Reads the raw bytes of the Ethernet, IPv4, UDP and TCP headers field by field, at the offsets
 * their standards give, so each byte on screen has a name next to it.
 */
public final class HeaderAnnotator {
  private HeaderAnnotator() {}

  public static AnnotatedHeader ethernet(byte[] header) {
    Cursor at = new Cursor(header);
    at.field(6, "destination MAC", HeaderAnnotator::mac);
    at.field(6, "source MAC", HeaderAnnotator::mac);
    at.field(2, "EtherType", bytes -> hex(bytes) + etherType(number(bytes)));
    return new AnnotatedHeader("Ethernet II", at.fields);
  }

  public static AnnotatedHeader ipv4(byte[] header) {
    Cursor at = new Cursor(header);
    at.field(
        1,
        "version | IHL",
        bytes ->
            "version "
                + (bytes[0] >> 4 & 0xf)
                + ", header "
                + (bytes[0] & 0xf)
                + " x 4 = "
                + (bytes[0] & 0xf) * 4
                + " bytes");
    at.field(1, "DSCP | ECN", bytes -> String.valueOf(number(bytes)));
    at.field(2, "total length", bytes -> number(bytes) + " bytes (this header and all it carries)");
    at.field(2, "identification", bytes -> String.valueOf(number(bytes)));
    at.field(
        2,
        "flags | fragment offset",
        bytes ->
            ((bytes[0] & 0x40) != 0 ? "DF (don't fragment)" : "-")
                + ((bytes[0] & 0x20) != 0 ? ", MF" : "")
                + ", offset "
                + (number(bytes) & 0x1fff));
    at.field(1, "TTL", bytes -> number(bytes) + " hops left");
    at.field(1, "protocol", bytes -> number(bytes) + ipProtocol(number(bytes)));
    at.field(2, "header checksum", HeaderAnnotator::hex);
    at.field(4, "source IP", HeaderAnnotator::ipv4Address);
    at.field(4, "destination IP", HeaderAnnotator::ipv4Address);
    at.rest("options", bytes -> bytes.length + " bytes");
    return new AnnotatedHeader("IPv4", at.fields);
  }

  public static AnnotatedHeader udp(byte[] header) {
    Cursor at = new Cursor(header);
    at.field(2, "source port", bytes -> String.valueOf(number(bytes)));
    at.field(2, "destination port", bytes -> String.valueOf(number(bytes)));
    at.field(2, "length", bytes -> number(bytes) + " bytes (8 of header + the data)");
    at.field(2, "checksum", HeaderAnnotator::hex);
    return new AnnotatedHeader("UDP", at.fields);
  }

  public static AnnotatedHeader tcp(byte[] header) {
    Cursor at = new Cursor(header);
    at.field(2, "source port", bytes -> String.valueOf(number(bytes)));
    at.field(2, "destination port", bytes -> String.valueOf(number(bytes)));
    at.field(4, "sequence number", bytes -> String.valueOf(number(bytes)));
    at.field(4, "acknowledgment number", bytes -> String.valueOf(number(bytes)));
    at.field(
        2,
        "data offset | flags",
        bytes ->
            "header "
                + (bytes[0] >> 4 & 0xf)
                + " x 4 = "
                + (bytes[0] >> 4 & 0xf) * 4
                + " bytes, flags "
                + tcpFlags(bytes[1]));
    at.field(2, "window", bytes -> number(bytes) + " bytes the receiver may be sent");
    at.field(2, "checksum", HeaderAnnotator::hex);
    at.field(2, "urgent pointer", bytes -> String.valueOf(number(bytes)));
    at.rest("options", bytes -> bytes.length + " bytes");
    return new AnnotatedHeader("TCP", at.fields);
  }

  /** Walks through a header, cutting off one field after the other. */
  private static final class Cursor {
    private final byte[] header;
    private final List<Field> fields = new ArrayList<>();
    private int offset;

    Cursor(byte[] header) {
      this.header = header;
    }

    void field(int length, String name, Function<byte[], String> meaning) {
      byte[] bytes = Arrays.copyOfRange(header, offset, offset + length);
      fields.add(new Field(bytes, name, meaning.apply(bytes)));
      offset += length;
    }

    /** Whatever follows the fixed part, if anything: options are rare but allowed. */
    void rest(String name, Function<byte[], String> meaning) {
      if (offset < header.length) {
        field(header.length - offset, name, meaning);
      }
    }
  }

  private static long number(byte[] bytes) {
    long value = 0;
    for (byte b : bytes) {
      value = value << 8 | (b & 0xff);
    }
    return value;
  }

  private static String hex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  private static String mac(byte[] bytes) {
    return HexFormat.ofDelimiter(":").formatHex(bytes);
  }

  private static String ipv4Address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an IPv4 address has 4 bytes, not " + bytes.length, e);
    }
  }

  private static String etherType(long type) {
    return type == 0x0800 ? " = IPv4" : type == 0x86dd ? " = IPv6" : type == 0x0806 ? " = ARP" : "";
  }

  private static String ipProtocol(long protocol) {
    return protocol == 6 ? " = TCP" : protocol == 17 ? " = UDP" : protocol == 1 ? " = ICMP" : "";
  }

  private static String tcpFlags(byte flags) {
    String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
    StringJoiner set = new StringJoiner("+");
    for (int bit = names.length - 1; bit >= 0; bit--) {
      if ((flags & 1 << bit) != 0) {
        set.add(names[bit]);
      }
    }
    return set.length() == 0 ? "none" : set.toString();
  }
}
