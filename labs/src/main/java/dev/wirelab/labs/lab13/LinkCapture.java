package dev.wirelab.labs.lab13;

import dev.wirelab.labs.lab13.Fate.Direction;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.DataLinkType;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.MacAddress;

/**
 * Records every datagram the two ends put on the link, lost ones included, as a sniffer next to the
 * sender would: then {@code ./wirelab inspect} shows the retransmissions as the same segment on the
 * wire twice. Frames are written as a Linux loopback capture has them, with zero MACs.
 */
public final class LinkCapture implements LossyLink.LinkObserver {
  private static final MacAddress LOOPBACK_MAC = MacAddress.getByName("00:00:00:00:00:00");
  private static final Inet4Address LOOPBACK = loopback();

  private final Clock clock;
  private final List<Recorded> recorded = new ArrayList<>();

  private record Recorded(Instant at, Direction direction, byte[] datagram) {}

  public LinkCapture(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void onDatagram(Direction direction, byte[] datagram, Fate fate) {
    recorded.add(new Recorded(clock.instant(), direction, datagram));
  }

  public synchronized int size() {
    return recorded.size();
  }

  /**
   * Writes the capture, the sender at {@code senderPort} and the receiver at {@code receiverPort}.
   */
  public synchronized void write(Path file, int senderPort, int receiverPort)
      throws PcapNativeException, NotOpenException {
    try (PcapHandle dead = Pcaps.openDead(DataLinkType.EN10MB, 65_535);
        PcapDumper dumper = dead.dumpOpen(file.toString())) {
      for (Recorded one : recorded) {
        boolean forward = one.direction() == Direction.FORWARD;
        EthernetPacket frame =
            frame(
                one.datagram(),
                forward ? senderPort : receiverPort,
                forward ? receiverPort : senderPort);
        dumper.dump(frame, Timestamp.from(one.at()));
      }
    }
  }

  private static EthernetPacket frame(byte[] datagram, int from, int to) {
    UdpPacket.Builder udp =
        new UdpPacket.Builder()
            .srcPort(UdpPort.getInstance((short) from))
            .dstPort(UdpPort.getInstance((short) to))
            .srcAddr(LOOPBACK)
            .dstAddr(LOOPBACK)
            .payloadBuilder(new UnknownPacket.Builder().rawData(datagram))
            .correctLengthAtBuild(true)
            .correctChecksumAtBuild(true);
    IpV4Packet.Builder ip =
        new IpV4Packet.Builder()
            .version(IpVersion.IPV4)
            .tos(IpV4Rfc791Tos.newInstance((byte) 0))
            .ttl((byte) 64)
            .protocol(IpNumber.UDP)
            .srcAddr(LOOPBACK)
            .dstAddr(LOOPBACK)
            .dontFragmentFlag(true)
            .payloadBuilder(udp)
            .correctLengthAtBuild(true)
            .correctChecksumAtBuild(true);
    return new EthernetPacket.Builder()
        .srcAddr(LOOPBACK_MAC)
        .dstAddr(LOOPBACK_MAC)
        .type(EtherType.IPV4)
        .payloadBuilder(ip)
        .paddingAtBuild(true)
        .build();
  }

  private static Inet4Address loopback() {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an address", e);
    }
  }
}
