package dev.wirelab.inspector;

import dev.wirelab.inspector.capture.PcapWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds real frames byte by byte (Ethernet II, IPv4 or IPv6, TCP or UDP, with correct checksums)
 * and writes them as a pcap, for captures of situations that are hard to provoke with real tools: a
 * retransmitted SYN mid-connection, overlapping IP fragments, a length prefix in its own segment.
 */
public final class Packets {
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;

  /** One frame to write: its capture time in microseconds since the start, and its bytes. */
  public record Frame(long micros, byte[] data) {}

  private final List<Frame> frames = new ArrayList<>();
  private long micros;

  /** Adds a frame {@code gapMicros} after the previous one. */
  public Packets add(long gapMicros, byte[] frame) {
    micros += gapMicros;
    frames.add(new Frame(micros, frame));
    return this;
  }

  public List<Frame> frames() {
    return frames;
  }

  /** Writes the frames as an Ethernet pcap starting at 2024-01-01T00:00:00Z. */
  public Path write(Path file) throws IOException {
    long start = 1_704_067_200L;
    try (PcapWriter writer = new PcapWriter(file.toString())) {
      for (Frame frame : frames) {
        writer.write(
            start + frame.micros / 1_000_000,
            (int) (frame.micros % 1_000_000) * 1000,
            frame.data.length,
            1,
            frame.data);
      }
    }
    return file;
  }

  /** Ethernet II around an IPv4 packet. */
  public static byte[] ethernetIpv4(byte[] ipPacket) {
    return ethernet(0x0800, ipPacket);
  }

  public static byte[] ethernet(int etherType, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1});
    out.write(etherType >> 8);
    out.write(etherType);
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** An IPv4 header with a correct checksum, then the payload. */
  public static byte[] ipv4(
      String src, String dst, int protocol, int id, int flagsAndOffset, byte[] payload) {
    byte[] packet = new byte[20 + payload.length];
    packet[0] = 0x45;
    put16(packet, 2, packet.length);
    put16(packet, 4, id);
    put16(packet, 6, flagsAndOffset);
    packet[8] = 64;
    packet[9] = (byte) protocol;
    System.arraycopy(address(src), 0, packet, 12, 4);
    System.arraycopy(address(dst), 0, packet, 16, 4);
    put16(packet, 10, checksum(packet, 0, 20, 0));
    System.arraycopy(payload, 0, packet, 20, payload.length);
    return packet;
  }

  /** A TCP segment (20-byte header, no options) with its checksum over the IPv4 pseudo-header. */
  public static byte[] tcp(
      String src,
      int srcPort,
      String dst,
      int dstPort,
      long seq,
      long ack,
      int flags,
      int window,
      byte[] payload) {
    byte[] segment = new byte[20 + payload.length];
    put16(segment, 0, srcPort);
    put16(segment, 2, dstPort);
    put32(segment, 4, seq);
    put32(segment, 8, ack);
    segment[12] = 0x50;
    segment[13] = (byte) flags;
    put16(segment, 14, window);
    System.arraycopy(payload, 0, segment, 20, payload.length);
    put16(
        segment,
        16,
        checksum(segment, 0, segment.length, pseudoHeader(src, dst, 6, segment.length)));
    return segment;
  }

  /** A UDP datagram with its checksum over the IPv4 pseudo-header. */
  public static byte[] udp(String src, int srcPort, String dst, int dstPort, byte[] payload) {
    byte[] datagram = new byte[8 + payload.length];
    put16(datagram, 0, srcPort);
    put16(datagram, 2, dstPort);
    put16(datagram, 4, datagram.length);
    System.arraycopy(payload, 0, datagram, 8, payload.length);
    int sum = checksum(datagram, 0, datagram.length, pseudoHeader(src, dst, 17, datagram.length));
    put16(datagram, 6, sum == 0 ? 0xFFFF : sum);
    return datagram;
  }

  /** A whole Ethernet/IPv4/UDP frame. */
  public static byte[] udpFrame(String src, int srcPort, String dst, int dstPort, byte[] payload) {
    return ethernetIpv4(ipv4(src, dst, 17, 1, 0, udp(src, srcPort, dst, dstPort, payload)));
  }

  /**
   * A whole Ethernet/IPv6/UDP frame (hop limit 1, as DHCPv6 on a link), the UDP checksum over the
   * IPv6 pseudo-header (RFC 8200 8.1).
   */
  public static byte[] udp6Frame(String src, int srcPort, String dst, int dstPort, byte[] payload) {
    byte[] ip = new byte[40 + 8 + payload.length];
    ip[0] = 0x60;
    put16(ip, 4, 8 + payload.length);
    ip[6] = 17;
    ip[7] = 1;
    System.arraycopy(address6(src), 0, ip, 8, 16);
    System.arraycopy(address6(dst), 0, ip, 24, 16);
    put16(ip, 40, srcPort);
    put16(ip, 42, dstPort);
    put16(ip, 44, 8 + payload.length);
    System.arraycopy(payload, 0, ip, 48, payload.length);
    int pseudo = checksum(ip, 8, 40, 17 + 8 + payload.length);
    put16(ip, 46, checksum(ip, 40, ip.length, 0xFFFF - pseudo));
    return ethernet(0x86DD, ip);
  }

  /** A whole Ethernet/IPv4/TCP frame. */
  public static byte[] tcpFrame(
      String src,
      int srcPort,
      String dst,
      int dstPort,
      long seq,
      long ack,
      int flags,
      byte[] payload) {
    return tcpFrame(src, srcPort, dst, dstPort, seq, ack, flags, 65535, payload);
  }

  /** A whole Ethernet/IPv4/TCP frame with the given window. */
  public static byte[] tcpFrame(
      String src,
      int srcPort,
      String dst,
      int dstPort,
      long seq,
      long ack,
      int flags,
      int window,
      byte[] payload) {
    return ethernetIpv4(
        ipv4(
            src,
            dst,
            6,
            1,
            0x4000,
            tcp(src, srcPort, dst, dstPort, seq, ack, flags, window, payload)));
  }

  /**
   * The IPv4 fragments of a datagram that carries {@code payload} (a UDP datagram, say), each at
   * most {@code fragmentSize} bytes (a multiple of 8), as Ethernet frames.
   */
  public static List<byte[]> ipv4Fragments(
      String src, String dst, int protocol, int id, byte[] payload, int fragmentSize) {
    List<byte[]> fragments = new ArrayList<>();
    for (int at = 0; at < payload.length; at += fragmentSize) {
      int end = Math.min(payload.length, at + fragmentSize);
      int flags = (end < payload.length ? 0x2000 : 0) | (at / 8);
      fragments.add(
          ethernetIpv4(ipv4(src, dst, protocol, id, flags, Arrays.copyOfRange(payload, at, end))));
    }
    return fragments;
  }

  /** A DNS query for {@code name} (type A), as the bytes of the message. */
  public static byte[] dnsQuery(int id, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(id >> 8);
    out.write(id);
    out.writeBytes(new byte[] {1, 0, 0, 1, 0, 0, 0, 0, 0, 0});
    writeName(out, name);
    out.writeBytes(new byte[] {0, 1, 0, 1});
    return out.toByteArray();
  }

  /** A DNS response to {@code name} with {@code answers} A records (10.0.0.1, 10.0.0.2, ...). */
  public static byte[] dnsResponse(int id, String name, int answers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(id >> 8);
    out.write(id);
    out.writeBytes(
        new byte[] {
          (byte) 0x81, (byte) 0x80, 0, 1, (byte) (answers >> 8), (byte) answers, 0, 0, 0, 0
        });
    writeName(out, name);
    out.writeBytes(new byte[] {0, 1, 0, 1});
    for (int i = 0; i < answers; i++) {
      out.writeBytes(
          new byte[] {
            (byte) 0xC0,
            12,
            0,
            1,
            0,
            1,
            0,
            0,
            0x0E,
            0x10,
            0,
            4,
            10,
            0,
            (byte) ((i + 1) >> 8),
            (byte) (i + 1)
          });
    }
    return out.toByteArray();
  }

  /** A DNS message with its 2-byte TCP length prefix. */
  public static byte[] withLength(byte[] message) {
    byte[] prefixed = new byte[message.length + 2];
    put16(prefixed, 0, message.length);
    System.arraycopy(message, 0, prefixed, 2, message.length);
    return prefixed;
  }

  private static void writeName(ByteArrayOutputStream out, String name) {
    for (String label : name.split("\\.")) {
      out.write(label.length());
      out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    out.write(0);
  }

  private static int pseudoHeader(String src, String dst, int protocol, int length) {
    byte[] pseudo = new byte[12];
    System.arraycopy(address(src), 0, pseudo, 0, 4);
    System.arraycopy(address(dst), 0, pseudo, 4, 4);
    pseudo[9] = (byte) protocol;
    put16(pseudo, 10, length);
    return sum(pseudo, 0, 12, 0);
  }

  /**
   * The Internet checksum (RFC 1071) of {@code data[from, to)}, with a partial sum to start from.
   */
  public static int checksum(byte[] data, int from, int to, int initial) {
    int sum = sum(data, from, to, initial);
    while ((sum >> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return ~sum & 0xFFFF;
  }

  private static int sum(byte[] data, int from, int to, int initial) {
    int sum = initial;
    for (int i = from; i < to; i += 2) {
      sum += (data[i] & 0xFF) << 8 | (i + 1 < to ? data[i + 1] & 0xFF : 0);
      sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return sum;
  }

  static byte[] address(String dotted) {
    String[] parts = dotted.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return bytes;
  }

  /** An IPv6 address literal ("fe80::1"): parsed, never looked up. */
  public static byte[] address6(String literal) {
    try {
      return java.net.InetAddress.getByName(literal).getAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv6 address: " + literal, e);
    }
  }

  public static void put16(byte[] b, int at, int value) {
    b[at] = (byte) (value >> 8);
    b[at + 1] = (byte) value;
  }

  public static void put32(byte[] b, int at, long value) {
    put16(b, at, (int) (value >>> 16));
    put16(b, at + 2, (int) value);
  }
}
