package dev.wirelab.labs.lab05;

import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.util.Optional;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;

/**
 * What this lab needs to know about one captured TCP segment or UDP datagram.
 *
 * @param micros capture time, microseconds since the epoch
 * @param linkType the capture's data link type (LINKTYPE_ number), to decode {@code frame} again
 * @param frame the captured bytes, link header included
 * @param sequence raw TCP sequence number (0 for UDP)
 * @param acknowledgment raw TCP acknowledgment number (0 for UDP)
 */
public record Segment(
    long micros,
    int linkType,
    byte[] frame,
    boolean udp,
    InetSocketAddress from,
    InetSocketAddress to,
    boolean syn,
    boolean ack,
    boolean fin,
    boolean rst,
    boolean psh,
    long sequence,
    long acknowledgment,
    byte[] payload) {

  /** The IPv4 TCP or UDP part of a captured packet; anything else is not this lab's business. */
  public static Optional<Segment> of(Packet packet, int linkType, long micros) {
    IpV4Packet ip = packet.get(IpV4Packet.class);
    if (ip == null) {
      return Optional.empty();
    }
    TcpPacket tcp = ip.get(TcpPacket.class);
    if (tcp != null) {
      TcpPacket.TcpHeader h = tcp.getHeader();
      return Optional.of(
          new Segment(
              micros,
              linkType,
              packet.getRawData(),
              false,
              new InetSocketAddress(ip.getHeader().getSrcAddr(), h.getSrcPort().valueAsInt()),
              new InetSocketAddress(ip.getHeader().getDstAddr(), h.getDstPort().valueAsInt()),
              h.getSyn(),
              h.getAck(),
              h.getFin(),
              h.getRst(),
              h.getPsh(),
              h.getSequenceNumberAsLong(),
              h.getAcknowledgmentNumberAsLong(),
              payloadOf(tcp)));
    }
    UdpPacket udp = ip.get(UdpPacket.class);
    if (udp != null) {
      return Optional.of(
          new Segment(
              micros,
              linkType,
              packet.getRawData(),
              true,
              new InetSocketAddress(
                  ip.getHeader().getSrcAddr(), udp.getHeader().getSrcPort().valueAsInt()),
              new InetSocketAddress(
                  ip.getHeader().getDstAddr(), udp.getHeader().getDstPort().valueAsInt()),
              false,
              false,
              false,
              false,
              false,
              0,
              0,
              payloadOf(udp)));
    }
    return Optional.empty();
  }

  /** A capture timestamp in microseconds; {@code getTime()} holds the milliseconds already. */
  public static long micros(Timestamp timestamp) {
    return timestamp.getTime() * 1_000 + timestamp.getNanos() / 1_000 % 1_000;
  }

  private static byte[] payloadOf(Packet transport) {
    return transport.getPayload() == null ? new byte[0] : transport.getPayload().getRawData();
  }

  /**
   * How far this segment moves its sender's sequence number: one per data byte, and one each for
   * SYN and FIN, which is why the other side acknowledges them with "+1".
   */
  public long sequenceSpace() {
    return payload.length + (syn ? 1 : 0) + (fin ? 1 : 0);
  }

  public String flags() {
    StringBuilder flags = new StringBuilder();
    append(flags, syn, "SYN");
    append(flags, fin, "FIN");
    append(flags, rst, "RST");
    append(flags, psh, "PSH");
    append(flags, ack, "ACK");
    return flags.toString();
  }

  private static void append(StringBuilder flags, boolean set, String name) {
    if (set) {
      flags.append(flags.length() == 0 ? "" : "+").append(name);
    }
  }
}
