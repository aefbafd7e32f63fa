package dev.wirelab.labs.support;

import java.io.EOFException;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.Packet;

/** Reads a .pcap file with libpcap, packet by packet, to its end. */
public final class PcapFileReader {
  private PcapFileReader() {}

  /** Hears each packet with the handle that read it, for its link type and timestamp. */
  @FunctionalInterface
  public interface PacketListener {
    void onPacket(Packet packet, PcapHandle handle);
  }

  public static void readEach(Path file, PacketListener listener)
      throws PcapNativeException, NotOpenException {
    try (PcapHandle handle = Pcaps.openOffline(file.toString())) {
      while (true) {
        Packet packet;
        try {
          packet = handle.getNextPacketEx();
        } catch (EOFException endOfFile) {
          return;
        } catch (TimeoutException impossibleOffline) {
          throw new IllegalStateException("reading a file timed out: " + file, impossibleOffline);
        }
        listener.onPacket(packet, handle);
      }
    }
  }
}
