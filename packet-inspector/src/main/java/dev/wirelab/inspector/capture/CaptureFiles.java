package dev.wirelab.inspector.capture;

import dev.wirelab.common.cli.ErrorMessages;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a capture file, recognising pcap or pcapng by its first bytes, never by its name. */
public final class CaptureFiles {
  private static final int PCAP_MICROS = 0xA1B2C3D4;
  private static final int PCAP_NANOS = 0xA1B23C4D;

  private CaptureFiles() {}

  /**
   * Opens {@code name} ("-" is standard input); throws {@link CaptureFileException} when it cannot
   * be read.
   */
  public static FrameSource open(String name) {
    if (name.equals("-")) {
      return open(System.in, "standard input");
    }
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      throw new CaptureFileException(name + " is a directory, not a capture file");
    }
    if (!Files.exists(path)) {
      throw new CaptureFileException("no such file: " + name);
    }
    InputStream stream;
    try {
      stream = new FileInputStream(path.toFile());
    } catch (IOException e) {
      throw new CaptureFileException("cannot open " + name + ": " + ErrorMessages.describe(e), e);
    }
    return open(stream, name);
  }

  static FrameSource open(InputStream stream, String name) {
    try {
      CaptureInput in = new CaptureInput(stream);
      if (!in.request(4)) {
        throw new CaptureFileException(
            name + (in.remaining() == 0 ? " is empty" : " is too short") + ": not a capture file");
      }
      in.order(ByteOrder.BIG_ENDIAN);
      int magic = in.peekInt(0);
      if (magic == PCAP_MICROS || magic == PCAP_NANOS) {
        return new PcapReader(in, stream, ByteOrder.BIG_ENDIAN, magic == PCAP_NANOS);
      }
      if (Integer.reverseBytes(magic) == PCAP_MICROS || Integer.reverseBytes(magic) == PCAP_NANOS) {
        return new PcapReader(
            in, stream, ByteOrder.LITTLE_ENDIAN, Integer.reverseBytes(magic) == PCAP_NANOS);
      }
      if (magic == PcapngReader.SECTION_HEADER) {
        return new PcapngReader(in, stream);
      }
      if ((magic >>> 16) == 0x1F8B) {
        throw new CaptureFileException(name + " is gzip-compressed: gunzip it first");
      }
      throw new CaptureFileException(
          name
              + " is not a pcap or pcapng file (it starts with "
              + String.format("%08x", magic)
              + ")");
    } catch (CaptureFileException e) {
      close(stream);
      throw new CaptureFileException(
          e.getMessage().startsWith(name) || e.getMessage().startsWith("no such")
              ? e.getMessage()
              : name + ": " + e.getMessage(),
          e.getCause());
    } catch (IOException e) {
      close(stream);
      throw new CaptureFileException("cannot read " + name + ": " + ErrorMessages.describe(e), e);
    }
  }

  static void close(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      throw new UncheckedIOException(
          new IOException("closing the capture failed: " + e.getMessage(), e));
    }
  }
}
