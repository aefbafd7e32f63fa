package dev.wirelab.inspector.capture;

import dev.wirelab.common.cli.UserError;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes frames as a nanosecond-resolution classic pcap file (Wireshark and tcpdump open it). */
public final class PcapWriter implements Closeable {
  private final OutputStream out;
  private final String name;
  private final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
  private int linkType = -1;

  public PcapWriter(String name) {
    this.name = name;
    try {
      this.out = new BufferedOutputStream(new FileOutputStream(name), 1 << 16);
    } catch (IOException e) {
      throw new UserError("cannot write " + name + ": " + e.getMessage(), 2, e);
    }
  }

  public void write(long seconds, int nanos, int len, int frameLinkType, byte[] data)
      throws IOException {
    if (linkType < 0) {
      writeFileHeader(frameLinkType);
    } else if (frameLinkType != linkType) {
      throw new UserError(
          name
              + ": a pcap file holds one link type, but frames of link types "
              + linkType
              + " and "
              + frameLinkType
              + " passed the filter; narrow the filter",
          1,
          null);
    }
    header.clear();
    header
        .putInt((int) seconds)
        .putInt(nanos)
        .putInt(data.length)
        .putInt(Math.max(len, data.length));
    out.write(header.array(), 0, 16);
    out.write(data);
  }

  private void writeFileHeader(int type) throws IOException {
    linkType = type;
    header.clear();
    header
        .putInt(0xA1B23C4D)
        .putShort((short) 2)
        .putShort((short) 4)
        .putInt(0)
        .putInt(0)
        .putInt(PcapReader.MAX_RECORD)
        .putInt(linkType);
    out.write(header.array(), 0, 24);
  }

  /**
   * Closes the file; one that no frame passed still gets a header (as Ethernet), so it opens as an
   * empty capture.
   */
  @Override
  public void close() throws IOException {
    if (linkType < 0) {
      writeFileHeader(1);
    }
    out.close();
  }
}
