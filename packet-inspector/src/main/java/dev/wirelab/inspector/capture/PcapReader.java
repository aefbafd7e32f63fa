package dev.wirelab.inspector.capture;

import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Classic libpcap files: a 24-byte header, then 16-byte record headers each followed by the frame.
 */
final class PcapReader implements FrameSource {
  /**
   * No snaplen is bigger (libpcap's MAXIMUM_SNAPLEN); a larger record length means a broken file.
   */
  static final int MAX_RECORD = 262_144;

  private final CaptureInput in;
  private final AutoCloseable file;
  private final boolean nanosecond;
  private final int linkType;
  private long frames;
  private String warning;

  PcapReader(CaptureInput in, AutoCloseable file, ByteOrder order, boolean nanosecond)
      throws IOException {
    this.in = in;
    this.file = file;
    this.nanosecond = nanosecond;
    in.order(order);
    if (!in.request(24)) {
      throw new CaptureFileException(
          "the pcap file header is cut short (" + in.remaining() + " of 24 bytes)");
    }
    in.skip(20);
    this.linkType = (int) (in.u32() & 0xFFFF);
  }

  @Override
  public CapturedFrame next() throws IOException {
    if (warning != null || !in.request(16)) {
      if (warning == null && in.remaining() > 0) {
        warning =
            "the file ends inside the header of record "
                + (frames + 1)
                + " ("
                + in.remaining()
                + " stray bytes)";
      }
      return null;
    }
    long seconds = in.u32();
    long fraction = in.u32();
    long capLen = in.u32();
    long len = in.u32();
    frames++;
    long nanos = nanosecond ? fraction : fraction * 1000;
    String badFraction =
        nanos < 1_000_000_000L
            ? null
            : "record "
                + frames
                + "'s fraction of a second is "
                + fraction
                + (nanosecond ? " ns" : " µs")
                + ", not below one second: the writer is broken; shown carried into the seconds";
    if (nanos >= 1_000_000_000L) {
      seconds += nanos / 1_000_000_000L;
      nanos %= 1_000_000_000L;
    }
    if (capLen > MAX_RECORD) {
      warning =
          "record "
              + frames
              + " claims "
              + capLen
              + " captured bytes, more than any snaplen: the file is damaged from here on";
      return new CapturedFrame(
          seconds,
          (int) nanos,
          (int) Math.min(len, Integer.MAX_VALUE),
          linkType,
          in.rest(MAX_RECORD),
          warning);
    }
    if (!in.request((int) capLen)) {
      warning = "the file is cut short in the middle of frame " + frames;
      return new CapturedFrame(
          seconds,
          (int) nanos,
          (int) Math.min(len, Integer.MAX_VALUE),
          linkType,
          in.rest((int) capLen),
          warning);
    }
    String problem =
        len < capLen
            ? "record header says " + capLen + " bytes captured but only " + len + " on the wire"
            : badFraction;
    return new CapturedFrame(
        seconds,
        (int) nanos,
        (int) Math.min(Math.max(len, capLen), Integer.MAX_VALUE),
        linkType,
        in.bytes((int) capLen),
        problem);
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
