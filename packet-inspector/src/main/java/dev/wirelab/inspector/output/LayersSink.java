package dev.wirelab.inspector.output;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.Field;
import dev.wirelab.inspector.model.Layer;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code --layers}: each frame as a tree of layers (L2 Ethernet II, L3 IPv4...), every field with
 * its meaning.
 */
public final class LayersSink implements FrameSink {
  private final Writer out;
  private final StringBuilder text = new StringBuilder(2048);

  public LayersSink(Writer out) {
    this.out = out;
  }

  @Override
  public void accept(DecodedFrame frame) throws IOException {
    text.setLength(0);
    FrameHeading.append(text, frame);
    int decodedEnd = 0;
    for (Layer layer : frame.layers()) {
      text.append("  ")
          .append(layer.label())
          .append("  (")
          .append(layer.tcpIpLayer())
          .append(" layer, bytes ")
          .append(layer.start())
          .append('-')
          .append(Math.max(layer.start(), layer.end() - 1))
          .append(layer.isReassembled() ? " of the reassembled bytes" : "")
          .append(")\n");
      for (Field field : layer.fields()) {
        text.append("    ").append(field.label()).append(": ").append(field.value());
        if (!field.meaning().isEmpty()) {
          text.append("  (").append(field.meaning()).append(')');
        }
        text.append('\n');
      }
      if (!layer.isReassembled()) {
        decodedEnd = Math.max(decodedEnd, layer.end());
      }
    }
    if (decodedEnd < frame.capLen()) {
      text.append("  Data: ")
          .append(frame.capLen() - decodedEnd)
          .append(" bytes not decoded (payload or padding)\n");
    }
    for (String reason : frame.malformed()) {
      text.append("  [malformed: ").append(reason).append("]\n");
    }
    text.append('\n');
    out.append(text);
  }
}
