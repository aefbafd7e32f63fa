package dev.wirelab.labs.lab04;

import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.TransportPacket;
import org.pcap4j.packet.UdpPacket;

/**
 * Recomputes a frame's IPv4 and UDP/TCP checksums with {@link InternetChecksum}, independently of
 * the pcap4j code that filled them in.
 */
public record ChecksumCheck(
    int ipChecksum,
    boolean ipValid,
    String transport,
    int transportChecksum,
    boolean transportValid) {

  public static ChecksumCheck of(IpV4Packet ip) {
    TransportPacket segment = (TransportPacket) ip.getPayload();
    int protocol = ip.getHeader().getProtocol().value() & 0xff;
    int transportChecksum =
        segment instanceof UdpPacket udp
            ? udp.getHeader().getChecksum() & 0xffff
            : ((TcpPacket) segment).getHeader().getChecksum() & 0xffff;
    return new ChecksumCheck(
        ip.getHeader().getHeaderChecksum() & 0xffff,
        InternetChecksum.ipv4HeaderIsValid(ip.getHeader().getRawData()),
        segment instanceof UdpPacket ? "UDP" : "TCP",
        transportChecksum,
        InternetChecksum.transportIsValid(
            ip.getHeader().getSrcAddr(),
            ip.getHeader().getDstAddr(),
            protocol,
            segment.getRawData()));
  }

  public boolean allValid() {
    return ipValid && transportValid;
  }

  @Override
  public String toString() {
    return String.format(
        "IPv4 checksum 0x%04x %s, %s checksum 0x%04x %s",
        ipChecksum, verdict(ipValid), transport, transportChecksum, verdict(transportValid));
  }

  private static String verdict(boolean valid) {
    return valid ? "correct" : "WRONG";
  }
}
