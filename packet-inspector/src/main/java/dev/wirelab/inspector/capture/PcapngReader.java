package dev.wirelab.inspector.capture;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng files: a chain of blocks. Section headers set the byte order, interface blocks the link
 * type and timestamp unit of each interface, and enhanced / simple / old packet blocks hold frames.
 */
final class PcapngReader implements FrameSource {
  static final int SECTION_HEADER = 0x0A0D0D0A;
  private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  private static final int INTERFACE = 1;
  private static final int OLD_PACKET = 2;
  private static final int SIMPLE_PACKET = 3;
  private static final int ENHANCED_PACKET = 6;
  private static final int MAX_BLOCK = 64 << 20;

  private record Interface(int linkType, long snapLen, long unitsPerSecond, long offsetSeconds) {}

  private final CaptureInput in;
  private final AutoCloseable file;
  private final List<Interface> interfaces = new ArrayList<>();
  private long frames;
  private String warning;

  PcapngReader(CaptureInput in, AutoCloseable file) throws IOException {
    this.in = in;
    this.file = file;
    if (!in.request(12)) {
      throw new CaptureFileException("the pcapng section header is cut short");
    }
    if (!readSectionOrder()) {
      throw new CaptureFileException("the pcapng section header has no valid byte-order magic");
    }
  }

  @Override
  public CapturedFrame next() throws IOException {
    while (warning == null) {
      if (!in.request(12)) {
        if (in.remaining() > 0) {
          warning = "the file ends inside a block header (" + in.remaining() + " stray bytes)";
        }
        return null;
      }
      if (in.peekInt(0) == SECTION_HEADER && !readSectionOrder()) {
        warning =
            "a section header has no valid byte-order magic: the file is damaged from here on";
        return null;
      }
      long type = in.u32();
      long length = in.u32();
      if (length < 12 || length % 4 != 0 || length > MAX_BLOCK) {
        warning =
            "block of type "
                + type
                + " has an impossible length "
                + length
                + ": the file is damaged from here on";
        return null;
      }
      int body = (int) length - 12;
      if (!in.request(body + 4)) {
        warning =
            "the file is cut short in the middle of a block"
                + (type == ENHANCED_PACKET || type == SIMPLE_PACKET
                    ? " (frame " + (frames + 1) + ")"
                    : "");
        return null;
      }
      CapturedFrame frame = readBody((int) type, body);
      in.skip(4);
      if (frame != null) {
        return frame;
      }
    }
    return null;
  }

  /** Sets the byte order from the section header ahead; false when its magic is neither order. */
  private boolean readSectionOrder() {
    int magic = in.peekInt(8);
    if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
      in.order(in.order() == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
      return true;
    }
    return magic == BYTE_ORDER_MAGIC;
  }

  /**
   * Reads one block's body (without its trailing length); returns a frame or null for other blocks.
   */
  private CapturedFrame readBody(int type, int body) {
    switch (type) {
      case SECTION_HEADER -> {
        interfaces.clear();
        in.skip(body);
        return null;
      }
      case INTERFACE -> {
        readInterface(body);
        return null;
      }
      case ENHANCED_PACKET, OLD_PACKET -> {
        return readPacket(type, body);
      }
      case SIMPLE_PACKET -> {
        return readSimple(body);
      }
      default -> {
        in.skip(body);
        return null;
      }
    }
  }

  private void readInterface(int body) {
    if (body < 8) {
      in.skip(body);
      return;
    }
    int linkType = in.u16();
    in.skip(2);
    long snapLen = in.u32();
    long unitsPerSecond = 1_000_000;
    long offsetSeconds = 0;
    int left = body - 8;
    while (left >= 4) {
      int code = in.u16();
      int length = in.u16();
      int padded = (length + 3) & ~3;
      left -= 4;
      if (code == 0 || padded > left) {
        break;
      }
      if (code == 9 && length >= 1) {
        int resolution = in.u8();
        unitsPerSecond = unitsPerSecond(resolution);
        in.skip(padded - 1);
      } else if (code == 14 && length == 8) {
        offsetSeconds =
            in.order() == ByteOrder.BIG_ENDIAN
                ? in.u32() << 32 | in.u32()
                : in.u32() | in.u32() << 32;
      } else {
        in.skip(padded);
      }
      left -= padded;
    }
    in.skip(left);
    interfaces.add(new Interface(linkType, snapLen, unitsPerSecond, offsetSeconds));
  }

  private static long unitsPerSecond(int resolution) {
    int exponent = Math.min(resolution & 0x7F, (resolution & 0x80) != 0 ? 62 : 18);
    return (resolution & 0x80) != 0 ? 1L << exponent : (long) Math.pow(10, exponent);
  }

  private CapturedFrame readPacket(int type, int body) {
    int header = 20;
    if (body < header) {
      in.skip(body);
      return malformedBlock("packet block too short for its header");
    }
    long interfaceId = type == OLD_PACKET ? in.u16() : in.u32();
    if (type == OLD_PACKET) {
      in.skip(2);
    }
    long high = in.u32();
    long low = in.u32();
    long capLen = in.u32();
    long len = in.u32();
    frames++;
    if (interfaceId >= interfaces.size()) {
      in.skip(body - header);
      return malformedBlock(
          "frame " + frames + " names interface " + interfaceId + ", which was never described");
    }
    Interface iface = interfaces.get((int) interfaceId);
    if (capLen > body - header) {
      in.skip(body - header);
      return new CapturedFrame(
          0,
          0,
          (int) Math.min(len, Integer.MAX_VALUE),
          iface.linkType(),
          new byte[0],
          "packet block says " + capLen + " bytes captured but holds only " + (body - header));
    }
    byte[] data = in.bytes((int) capLen);
    in.skip(body - header - (int) capLen);
    long units = high << 32 | low;
    long seconds = Long.divideUnsigned(units, iface.unitsPerSecond()) + iface.offsetSeconds();
    long rest = Long.remainderUnsigned(units, iface.unitsPerSecond());
    int nanos =
        (int)
            (iface.unitsPerSecond() >= 1_000_000_000L
                ? rest / (iface.unitsPerSecond() / 1_000_000_000L)
                : rest * (1_000_000_000L / iface.unitsPerSecond()));
    return new CapturedFrame(
        seconds,
        nanos,
        (int) Math.max(Math.min(len, Integer.MAX_VALUE), capLen),
        iface.linkType(),
        data,
        null);
  }

  private CapturedFrame readSimple(int body) {
    frames++;
    if (interfaces.isEmpty() || body < 4) {
      in.skip(body);
      return malformedBlock("simple packet block without an interface description");
    }
    Interface iface = interfaces.get(0);
    long len = in.u32();
    int capLen =
        (int)
            Math.min(
                Math.min(len, body - 4),
                iface.snapLen() == 0 ? Integer.MAX_VALUE : iface.snapLen());
    byte[] data = in.bytes(capLen);
    in.skip(body - 4 - capLen);
    return new CapturedFrame(
        0, 0, (int) Math.min(len, Integer.MAX_VALUE), iface.linkType(), data, null);
  }

  private CapturedFrame malformedBlock(String problem) {
    return new CapturedFrame(
        0, 0, 0, interfaces.isEmpty() ? 1 : interfaces.get(0).linkType(), new byte[0], problem);
  }

  @Override
  public String warning() {
    return warning;
  }

  @Override
  public void close() throws IOException {
    CaptureFiles.close(file);
  }
}
