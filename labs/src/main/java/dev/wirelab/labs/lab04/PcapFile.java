package dev.wirelab.labs.lab04;

import dev.wirelab.labs.support.PcapFileReader;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.namednumber.DataLinkType;

/** Writes Ethernet frames to a classic .pcap file with libpcap, and reads them back. */
public final class PcapFile {
  private static final int SNAPLEN = 65_535;

  private PcapFile() {}

  public static void write(Path file, List<EthernetPacket> frames)
      throws PcapNativeException, NotOpenException {
    // A "dead" handle captures nothing: it only tells libpcap the link type for the file header.
    try (PcapHandle dead = Pcaps.openDead(DataLinkType.EN10MB, SNAPLEN);
        PcapDumper dumper = dead.dumpOpen(file.toString())) {
      long now = System.currentTimeMillis();
      for (int i = 0; i < frames.size(); i++) {
        dumper.dump(frames.get(i), new Timestamp(now + i));
      }
    }
  }

  public static List<EthernetPacket> read(Path file) throws PcapNativeException, NotOpenException {
    List<EthernetPacket> frames = new ArrayList<>();
    PcapFileReader.readEach(
        file,
        (packet, handle) -> {
          if (!(packet instanceof EthernetPacket frame)) {
            throw new IllegalStateException("not an Ethernet frame in " + file + ": " + packet);
          }
          frames.add(frame);
        });
    return frames;
  }
}
