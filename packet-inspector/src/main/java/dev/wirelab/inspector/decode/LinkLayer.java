package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** Picks the first decoder from the capture's link type (LINKTYPE_ numbers of the pcap spec). */
final class LinkLayer {
  private static final int MAX_8023_LENGTH = 1500;

  private LinkLayer() {}

  /** The oracle's name for a link type: ETHERNET, LINUX_SLL, NULL, RAW... */
  static String name(int linkType) {
    return switch (linkType) {
      case 0 -> "NULL";
      case 1 -> "ETHERNET";
      case 12, 14, 101 -> "RAW";
      case 108 -> "LOOP";
      case 113 -> "LINUX_SLL";
      case 228 -> "IPV4";
      case 229 -> "IPV6";
      case 276 -> "LINUX_SLL2";
      default -> "LINKTYPE_" + linkType;
    };
  }

  static void decode(Dissection d, int linkType) {
    int end = d.data.length;
    switch (linkType) {
      case 1 -> Ethernet.decode(d, 0, end);
      case 113 -> LinuxCooked.decodeV1(d, end);
      case 276 -> LinuxCooked.decodeV2(d, end);
      case 0 -> loopback(d, end, false);
      case 108 -> loopback(d, end, true);
      case 12, 14, 101 -> rawIp(d, 0, end);
      case 228 -> Ipv4.decode(d, 0, end);
      case 229 -> Ipv6.decode(d, 0, end);
      default -> d.summary("link type " + linkType + " (not decoded), length " + d.frame.len());
    }
  }

  /** Raw IP: the version nibble says which IP it is. */
  static void rawIp(Dissection d, int offset, int end) {
    d.need(offset, 1, end, "raw IP packet");
    int version = Bytes.u8(d.data, offset) >> 4;
    switch (version) {
      case 4 -> Ipv4.decode(d, offset, end);
      case 6 -> Ipv6.decode(d, offset, end);
      default -> throw new MalformedFrameException("raw IP packet with IP version " + version);
    }
  }

  /**
   * BSD loopback: a 4-byte address family in the byte order of the machine that captured it
   * (OpenBSD's LOOP is always big-endian). A value with its upper half set must be the other order.
   */
  private static void loopback(Dissection d, int end, boolean bigEndian) {
    d.need(0, 4, end, "loopback header");
    long family = bigEndian ? Bytes.u32(d.data, 0) : Bytes.u32le(d.data, 0);
    if ((family & 0xFFFF0000L) != 0) {
      family = bigEndian ? Bytes.u32le(d.data, 0) : Bytes.u32(d.data, 0);
    }
    int af = (int) family;
    if (af > MAX_8023_LENGTH) {
      // Some old captures put an EtherType here instead of an address family (Wireshark does the same).
      Layer layer = d.layer(new Layer("BSD loopback", 2, 0, 4));
      if (d.details) {
        layer.add("Type", Bytes.hex(af & 0xFFFF, 4), "an EtherType, not an address family", 0, 4);
      }
      EtherTypes.dispatch(d, af & 0xFFFF, 4, end);
      return;
    }
    String meaning = switch (af) {
      case 2 -> "IPv4";
      case 10, 24, 28, 30 -> "IPv6 (the number differs between operating systems)";
      default -> "unknown address family";
    };
    Layer layer = d.layer(new Layer(bigEndian ? "OpenBSD loopback" : "BSD loopback", 2, 0, 4));
    if (d.details) {
      layer.add("Address family", String.valueOf(af), meaning, 0, 4);
    }
    d.put("null.family", af);
    switch (af) {
      case 2 -> Ipv4.decode(d, 4, end);
      case 10, 24, 28, 30 -> Ipv6.decode(d, 4, end);
      default -> d.summary("loopback, address family " + af + ", length " + d.frame.len());
    }
  }
}
