package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * UDP (RFC 768): ports and length, then the application decoder of a known port (DNS, DHCP, NTP,
 * DHCPv6, SSDP, NBNS), or the name of the service that is not decoded.
 */
final class Udp {
  private Udp() {}

  static void decode(Dissection d, int offset, int end) {
    d.need(offset, 8, end, "UDP header");
    byte[] data = d.data;
    int srcPort = Bytes.u16(data, offset);
    int dstPort = Bytes.u16(data, offset + 2);
    int length = Bytes.u16(data, offset + 4);
    Layer layer = d.layer(new Layer("UDP", 4, offset, offset + 8));
    if (d.details) {
      layer
          .add("Source port", String.valueOf(srcPort), meaning(srcPort), offset, 2)
          .add("Destination port", String.valueOf(dstPort), meaning(dstPort), offset + 2, 2)
          .add("Length", String.valueOf(length), "header plus payload, in bytes", offset + 4, 2);
    }
    if (d.quoted) {
      return;
    }
    if (d.json) {
      d.put("udp.srcport", srcPort);
      d.put("udp.dstport", dstPort);
      d.put("udp.length", length);
    }
    d.summary(
        d.ipName
            + " "
            + d.src
            + "."
            + srcPort
            + " > "
            + d.dst
            + "."
            + dstPort
            + ": UDP, length "
            + (length - 8));
    if (length < 8) {
      throw new MalformedFrameException("UDP length " + length + " is below the header's 8 bytes");
    }
    int payloadEnd = Math.min(end, d.reportedEnd(offset + length, "UDP length", length));
    if (d.details || d.json) {
      if (Bytes.u16(data, offset + 6) == 0 && "IP".equals(d.ipName)) {
        layer.add("Checksum", "0x0000", "none: UDP over IPv4 may leave it out", offset + 6, 2);
      } else {
        Checksums.check(
            d,
            layer,
            "udp.checksum.status",
            offset + 6,
            offset,
            offset + length,
            d.pseudoHeaderSum(17, length),
            end - offset >= length);
      }
    }
    if (isDnsPort(srcPort) || isDnsPort(dstPort)) {
      Dns.decode(d, offset + 8, payloadEnd, false);
    } else if (Quic.isQuicPort(srcPort) || Quic.isQuicPort(dstPort)) {
      Quic.decode(d, offset + 8, payloadEnd, srcPort, dstPort);
    } else if (Dhcp.isPort(srcPort) || Dhcp.isPort(dstPort)) {
      Dhcp.decode(d, offset + 8, payloadEnd);
    } else if (Ntp.isPort(srcPort) || Ntp.isPort(dstPort)) {
      Ntp.decode(d, offset + 8, payloadEnd);
    } else if (Dhcpv6.isPort(srcPort) || Dhcpv6.isPort(dstPort)) {
      Dhcpv6.decode(d, offset + 8, payloadEnd);
    } else if (Ssdp.isPort(srcPort) || Ssdp.isPort(dstPort)) {
      Ssdp.decode(d, offset + 8, payloadEnd);
    } else if (Nbns.isPort(srcPort) || Nbns.isPort(dstPort)) {
      Nbns.decode(d, offset + 8, payloadEnd);
    } else {
      UdpService service = UdpService.undecoded(srcPort, dstPort);
      if (service != null) {
        d.frame.appendSummary(service.label() + " (port " + service.port() + ", not decoded)");
      }
    }
  }

  /** The UDP service on a port (443 is QUIC over UDP, not HTTPS), else the shared name. */
  private static String meaning(int port) {
    UdpService service = UdpService.of(port);
    return service != null ? service.label() : PortNames.meaning(port);
  }

  private static boolean isDnsPort(int port) {
    return port == 53 || port == 5353 || port == 5355;
  }
}
