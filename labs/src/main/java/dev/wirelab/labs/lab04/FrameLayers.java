package dev.wirelab.labs.lab04;

import java.util.List;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;

/**
 * A frame taken apart again: the header each layer added, the application bytes in the middle, and
 * the padding Ethernet adds at the end of a frame too short for the wire.
 */
public record FrameLayers(
    byte[] frame,
    AnnotatedHeader ethernet,
    AnnotatedHeader ip,
    AnnotatedHeader transport,
    byte[] applicationData,
    byte[] padding) {

  public static FrameLayers of(EthernetPacket frame) {
    IpV4Packet ip = frame.get(IpV4Packet.class);
    if (ip == null) {
      throw new IllegalArgumentException("not an IPv4 frame: " + frame.getHeader().getType());
    }
    Packet transport = ip.getPayload();
    AnnotatedHeader transportHeader;
    if (transport instanceof UdpPacket udp) {
      transportHeader = HeaderAnnotator.udp(udp.getHeader().getRawData());
    } else if (transport instanceof TcpPacket tcp) {
      transportHeader = HeaderAnnotator.tcp(tcp.getHeader().getRawData());
    } else {
      throw new IllegalArgumentException("neither UDP nor TCP: " + ip.getHeader().getProtocol());
    }
    Packet data = transport.getPayload();
    return new FrameLayers(
        frame.getRawData(),
        HeaderAnnotator.ethernet(frame.getHeader().getRawData()),
        HeaderAnnotator.ipv4(ip.getHeader().getRawData()),
        transportHeader,
        data == null ? new byte[0] : data.getRawData(),
        frame.getPad());
  }

  /** Outermost first, the order they appear on the wire. */
  public List<AnnotatedHeader> headers() {
    return List.of(ethernet, ip, transport);
  }

  public int headerBytes() {
    return ethernet.length() + ip.length() + transport.length();
  }
}
