package dev.wirelab.labs.lab14;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A message as hex, 16 bytes a line with the offset in front: offsets are what pointers name. */
final class HexLines {
  private HexLines() {}

  static List<String> of(byte[] bytes) {
    List<String> lines = new ArrayList<>();
    for (int start = 0; start < bytes.length; start += 16) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%04d ", start));
      for (int i = start; i < Math.min(bytes.length, start + 16); i++) {
        line.append(String.format(Locale.ROOT, " %02x", bytes[i] & 0xff));
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
