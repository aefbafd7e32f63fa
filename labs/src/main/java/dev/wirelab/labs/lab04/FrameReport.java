package dev.wirelab.labs.lab04;

import dev.wirelab.labs.lab04.AnnotatedHeader.Field;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Shows a frame to a student: annotated hex per header, what each layer costs, the layer models.
 */
public final class FrameReport {
  private static final int HEX_COLUMN = 26;
  private static final int BYTES_PER_LINE = 8;

  private final PrintWriter out;

  public FrameReport(PrintWriter out) {
    this.out = out;
  }

  public void annotatedHex(FrameLayers layers) {
    for (AnnotatedHeader header : layers.headers()) {
      out.printf("  %s header, %d bytes%n", header.protocol(), header.length());
      for (Field field : header.fields()) {
        printField(field);
      }
    }
    out.printf("  application data, %d bytes%n", layers.applicationData().length);
    printField(new Field(layers.applicationData(), "data", quoted(layers.applicationData())));
    if (layers.padding().length > 0) {
      out.printf(
          "  Ethernet padding, %d bytes of zeros (a frame is at least 60 bytes)%n",
          layers.padding().length);
    }
    out.flush();
  }

  /** Long fields (options) wrap after eight bytes so the names stay in one column. */
  private void printField(Field field) {
    byte[] bytes = field.bytes();
    for (int start = 0; start < bytes.length; start += BYTES_PER_LINE) {
      byte[] line =
          Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + BYTES_PER_LINE));
      String hex = HexFormat.ofDelimiter(" ").formatHex(line);
      if (start == 0) {
        out.printf("    %-" + HEX_COLUMN + "s%-24s %s%n", hex, field.name(), field.meaning());
      } else {
        out.printf("    %s%n", hex);
      }
    }
  }

  public void overhead(FrameLayers layers) {
    int frame = layers.frame().length;
    out.printf("  %-22s %6s %9s%n", "part of the frame", "bytes", "of frame");
    for (AnnotatedHeader header : layers.headers()) {
      row(header.protocol() + " header", header.length(), frame);
    }
    row("application data", layers.applicationData().length, frame);
    if (layers.padding().length > 0) {
      row("Ethernet padding", layers.padding().length, frame);
    }
    row("whole frame", frame, frame);
    row("all headers", layers.headerBytes(), frame);
    out.flush();
  }

  private void row(String name, int bytes, int frame) {
    out.printf(Locale.ROOT, "  %-22s %6d %8.1f%%%n", name, bytes, 100.0 * bytes / frame);
  }

  /** The same frame seen through the 7-layer OSI model and the 4-layer TCP/IP model. */
  public void layerModels(FrameLayers layers) {
    String format = "  %-16s | %-14s | %s%n";
    out.printf(format, "OSI (7 layers)", "TCP/IP (4)", "in this frame");
    out.printf(format, "7 Application", "Application", quoted(layers.applicationData()));
    out.printf(format, "6 Presentation", "  (same)", "the encoding: here plain UTF-8 text");
    out.printf(
        format, "5 Session", "  (same)", "no bytes of its own; the application keeps its dialogue");
    out.printf(
        format,
        "4 Transport",
        "Transport",
        layers.transport().protocol()
            + " header, "
            + layers.transport().length()
            + " bytes: ports, checksum");
    out.printf(
        format,
        "3 Network",
        "Internet",
        layers.ip().protocol() + " header, " + layers.ip().length() + " bytes: IP addresses, TTL");
    out.printf(
        format,
        "2 Data link",
        "Link",
        layers.ethernet().protocol()
            + " header, "
            + layers.ethernet().length()
            + " bytes: MAC addresses, EtherType");
    out.printf(
        format,
        "1 Physical",
        "  (same)",
        "not in the file: preamble, FCS and the signal"
            + " itself are the network card's business");
    out.flush();
  }

  private static String quoted(byte[] data) {
    return "\""
        + new String(data, StandardCharsets.UTF_8).replace("\n", "\\n").replace("\r", "\\r")
        + "\", "
        + data.length
        + " bytes";
  }
}
