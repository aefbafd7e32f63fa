package dev.wirelab.labs.lab04;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.TcpPort;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.MacAddress;

/**
 * Wraps application bytes in a transport header, then IPv4, then Ethernet: encapsulation done by
 * hand, each builder taking the one inside it as its payload.
 *
 * <p>The addresses come from the ranges reserved for documentation (RFC 7042 for MACs, RFC 5737 for
 * IPv4), so the frames never pretend to be somebody's real traffic.
 */
public final class FrameBuilder {
  public static final MacAddress SOURCE_MAC = MacAddress.getByName("00:00:5e:00:53:01");
  public static final MacAddress DESTINATION_MAC = MacAddress.getByName("00:00:5e:00:53:02");
  public static final Inet4Address SOURCE_IP = ipv4("192.0.2.10");
  public static final Inet4Address DESTINATION_IP = ipv4("198.51.100.20");

  /** An ephemeral port, as an operating system would choose for a client. */
  public static final int SOURCE_PORT = 50_004;

  public static final int DESTINATION_PORT = 9004;
  public static final int TTL = 64;

  /** Made-up sequence and acknowledgment numbers of a connection already open (see lab 05). */
  public static final long TCP_SEQUENCE = 1_000_001L;

  public static final long TCP_ACKNOWLEDGMENT = 2_000_001L;

  private FrameBuilder() {}

  /** Application bytes → UDP → IPv4 → Ethernet II. */
  public static EthernetPacket udp(byte[] applicationData) {
    UdpPacket.Builder udp =
        new UdpPacket.Builder()
            .srcPort(UdpPort.getInstance((short) SOURCE_PORT))
            .dstPort(UdpPort.getInstance((short) DESTINATION_PORT))
            // The UDP checksum also covers a "pseudo-header" with both IP addresses, so the
            // builder needs them although they live one layer further out.
            .srcAddr(SOURCE_IP)
            .dstAddr(DESTINATION_IP)
            .payloadBuilder(payload(applicationData))
            .correctLengthAtBuild(true)
            .correctChecksumAtBuild(true);
    return ethernet(ip(IpNumber.UDP, udp));
  }

  /** Application bytes → TCP (a PSH+ACK segment) → IPv4 → Ethernet II. */
  public static EthernetPacket tcp(byte[] applicationData) {
    TcpPacket.Builder tcp =
        new TcpPacket.Builder()
            .srcPort(TcpPort.getInstance((short) SOURCE_PORT))
            .dstPort(TcpPort.getInstance((short) DESTINATION_PORT))
            .sequenceNumber((int) TCP_SEQUENCE)
            .acknowledgmentNumber((int) TCP_ACKNOWLEDGMENT)
            .ack(true)
            .psh(true)
            .window((short) 65_535)
            .srcAddr(SOURCE_IP)
            .dstAddr(DESTINATION_IP)
            .payloadBuilder(payload(applicationData))
            .paddingAtBuild(true)
            .correctLengthAtBuild(true)
            .correctChecksumAtBuild(true);
    return ethernet(ip(IpNumber.TCP, tcp));
  }

  private static UnknownPacket.Builder payload(byte[] applicationData) {
    // pcap4j has no "application data" type: to it, bytes it cannot decode are UnknownPacket.
    return new UnknownPacket.Builder().rawData(applicationData);
  }

  private static IpV4Packet.Builder ip(IpNumber protocol, Packet.Builder transport) {
    return new IpV4Packet.Builder()
        .version(IpVersion.IPV4)
        .tos(IpV4Rfc791Tos.newInstance((byte) 0))
        .identification((short) 4)
        .dontFragmentFlag(true)
        .ttl((byte) TTL)
        .protocol(protocol)
        .srcAddr(SOURCE_IP)
        .dstAddr(DESTINATION_IP)
        .payloadBuilder(transport)
        .paddingAtBuild(true)
        .correctLengthAtBuild(true)
        .correctChecksumAtBuild(true);
  }

  private static EthernetPacket ethernet(IpV4Packet.Builder ip) {
    return new EthernetPacket.Builder()
        .dstAddr(DESTINATION_MAC)
        .srcAddr(SOURCE_MAC)
        .type(EtherType.IPV4)
        .payloadBuilder(ip)
        // Ethernet frames are at least 60 bytes before the FCS; a short one gets zero padding.
        .paddingAtBuild(true)
        .build();
  }

  private static Inet4Address ipv4(String literal) {
    try {
      return (Inet4Address) InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv4 literal: " + literal, e);
    }
  }
}
