package dev.wirelab.inspector.output;

import dev.wirelab.inspector.model.DecodedFrame;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * {@code --json}: one JSON object per frame per line, with the tshark oracle's flat dotted keys.
 */
public final class JsonSink implements FrameSink {
  private final Writer out;
  private final StringBuilder line = new StringBuilder(1024);

  public JsonSink(Writer out) {
    this.out = out;
  }

  @Override
  public void accept(DecodedFrame frame) throws IOException {
    line.setLength(0);
    line.append('{');
    for (Map.Entry<String, Object> field : frame.json().entrySet()) {
      if (line.length() > 1) {
        line.append(',');
      }
      // Keys are dotted field names (eth.src, sio.event): nothing in them needs escaping.
      line.append('"').append(field.getKey()).append("\":");
      value(field.getValue());
    }
    if (frame.isMalformed()) {
      line.append(",\"malformed\":");
      value(frame.malformed());
    }
    line.append("}\n");
    out.append(line);
  }

  private void value(Object value) {
    if (value instanceof String text) {
      string(text);
    } else if (value instanceof List<?> list) {
      line.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          line.append(',');
        }
        value(list.get(i));
      }
      line.append(']');
    } else if (value instanceof Integer number) {
      line.append(number.intValue());
    } else if (value instanceof Long number) {
      line.append(number.longValue());
    } else if (value == null) {
      line.append("null");
    } else {
      line.append(value);
    }
  }

  private void string(String text) {
    line.append('"');
    if (isPlain(text)) {
      line.append(text).append('"');
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (c < 0x20) {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    line.append('"');
  }

  /** Most keys and values need no escaping; they are copied in one go. */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
