package dev.wirelab.labs.lab08;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Writes a frame's bytes as annotated hex: each header field next to the bytes that hold it. */
public final class FrameDump {
  /** Bytes shown before "... N more": enough to recognise, few enough to read. */
  private static final int FRAME_PREVIEW = 24;

  private static final int FIELD_PREVIEW = 8;
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

  private FrameDump() {}

  /** The lines describing {@code wire}, the exact bytes of one frame. */
  public static List<String> annotate(byte[] wire) {
    Frame frame;
    try {
      frame = FrameCodec.read(new ByteArrayInputStream(wire));
    } catch (IOException e) {
      throw new UncheckedIOException("not a complete frame: " + HEX.formatHex(wire), e);
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "%s  (%d bytes on the wire)",
            preview(wire, 0, wire.length, FRAME_PREVIEW), wire.length));
    lines.add(
        field(
            wire,
            0,
            1,
            String.format(
                "FIN=%d RSV=000 opcode=0x%X %s",
                frame.fin() ? 1 : 0, frame.opcode().code(), frame.opcode())));
    int length = frame.payload().length;
    int extended =
        length <= FrameCodec.MAX_7_BIT_LENGTH ? 0 : length <= FrameCodec.MAX_16_BIT_LENGTH ? 2 : 8;
    lines.add(
        field(
            wire,
            1,
            1,
            String.format(
                "MASK=%d length=%s",
                frame.masked() ? 1 : 0,
                extended == 0
                    ? length + " (7-bit form)"
                    : (wire[1] & 0x7F) + ": the length follows in " + extended + " bytes")));
    int offset = 2;
    if (extended > 0) {
      lines.add(
          field(wire, offset, extended, "length=" + length + " (" + (extended * 8) + "-bit form)"));
      offset += extended;
    }
    if (frame.masked()) {
      lines.add(field(wire, offset, 4, "masking key (chosen at random by the client, per frame)"));
      offset += 4;
    }
    if (length > 0) {
      lines.add(
          field(
              wire,
              offset,
              length,
              (frame.masked() ? "payload, masked; unmasked: " : "payload: ")
                  + describePayload(frame)));
    }
    return lines;
  }

  private static String describePayload(Frame frame) {
    return switch (frame.opcode()) {
      case TEXT, CONTINUATION, PING, PONG -> quoted(frame.text());
      case CLOSE ->
          "status "
              + frame.closeCode()
              + (frame.payload().length > 2
                  ? " reason "
                      + quoted(
                          new String(
                              frame.payload(),
                              2,
                              frame.payload().length - 2,
                              StandardCharsets.UTF_8))
                  : "");
      case BINARY ->
          frame.payload().length
              + " raw bytes "
              + preview(frame.payload(), 0, frame.payload().length, FIELD_PREVIEW);
    };
  }

  private static String quoted(String text) {
    return text.length() <= 60
        ? "\"" + text + "\""
        : "\"" + text.substring(0, 60) + "...\" (" + text.length() + " chars)";
  }

  private static String field(byte[] wire, int from, int count, String meaning) {
    return String.format("  %-24s %s", preview(wire, from, count, FIELD_PREVIEW), meaning);
  }

  private static String preview(byte[] bytes, int from, int count, int limit) {
    int shown = Math.min(count, limit);
    String hex = HEX.formatHex(Arrays.copyOfRange(bytes, from, from + shown));
    return count > shown ? hex + " ... " + (count - shown) + " more" : hex;
  }
}
