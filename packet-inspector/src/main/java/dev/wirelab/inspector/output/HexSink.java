package dev.wirelab.inspector.output;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.Layer;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code --hex}: the frame's bytes in hex and ASCII, split where each layer begins and ends, each
 * part headed by its layer; with colour, each layer's bytes also have their own colour.
 */
public final class HexSink implements FrameSink {
  private static final String RESET = "\u001b[0m";
  private static final String[] COLOURS = {
    "\u001b[36m", "\u001b[32m", "\u001b[33m", "\u001b[35m", "\u001b[34m"
  };
  private final Writer out;
  private final boolean colour;
  private final StringBuilder text = new StringBuilder(4096);

  public HexSink(Writer out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  @Override
  public void accept(DecodedFrame frame) throws IOException {
    text.setLength(0);
    FrameHeading.append(text, frame);
    int cursor = 0;
    int capLen = frame.capLen();
    for (Layer layer : frame.layers()) {
      if (layer.isReassembled()) {
        continue;
      }
      int start = Math.max(layer.start(), cursor);
      int end = Math.min(layer.end(), capLen);
      if (start > cursor) {
        region(frame, "data", cursor, start, null);
      }
      if (end > start) {
        region(frame, layer.label(), start, end, colourOf(layer.osiLayer()));
        cursor = end;
      }
    }
    if (cursor < capLen) {
      region(frame, "data", cursor, capLen, null);
    }
    for (String reason : frame.malformed()) {
      text.append("  [malformed: ").append(reason).append("]\n");
    }
    text.append('\n');
    out.append(text);
  }

  private String colourOf(int osiLayer) {
    return colour ? COLOURS[Math.min(Math.max(osiLayer - 2, 0), 3)] : null;
  }

  private void region(DecodedFrame frame, String label, int start, int end, String ansi) {
    String on = ansi == null ? "" : ansi;
    String off = ansi == null ? "" : RESET;
    text.append("  ")
        .append(on)
        .append("[")
        .append(label)
        .append("]")
        .append(off)
        .append(" bytes ")
        .append(start)
        .append('-')
        .append(end - 1)
        .append('\n');
    byte[] data = frame.data();
    for (int row = start; row < end; row += 16) {
      int rowEnd = Math.min(row + 16, end);
      text.append("    ");
      hex4(row);
      text.append("  ").append(on);
      for (int i = row; i < row + 16; i++) {
        if (i == row + 8) {
          text.append(' ');
        }
        if (i < rowEnd) {
          int b = data[i] & 0xFF;
          text.append(Character.forDigit(b >> 4, 16))
              .append(Character.forDigit(b & 15, 16))
              .append(' ');
        } else {
          text.append("   ");
        }
      }
      text.append(off).append(' ');
      for (int i = row; i < rowEnd; i++) {
        int b = data[i] & 0xFF;
        text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
      }
      text.append('\n');
    }
  }

  private void hex4(int value) {
    for (int shift = 12; shift >= 0; shift -= 4) {
      text.append(Character.forDigit((value >> shift) & 15, 16));
    }
  }
}
