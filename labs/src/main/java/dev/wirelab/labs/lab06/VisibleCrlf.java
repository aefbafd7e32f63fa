package dev.wirelab.labs.lab06;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes line endings visible: each line of the bytes, with {@code \r\n} or {@code \n} written out
 * at its end, so a student sees exactly which ending was sent.
 */
public final class VisibleCrlf {
  private VisibleCrlf() {}

  public static List<String> lines(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      if (newline == -1) {
        lines.add(text.substring(start) + "   (no line ending)");
        break;
      }
      boolean crlf = newline > start && text.charAt(newline - 1) == '\r';
      lines.add(text.substring(start, crlf ? newline - 1 : newline) + (crlf ? "\\r\\n" : "\\n"));
      start = newline + 1;
    }
    return lines;
  }
}
