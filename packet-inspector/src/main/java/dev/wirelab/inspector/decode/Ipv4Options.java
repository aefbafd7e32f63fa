package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** Names the IPv4 options between the fixed header and the payload. */
final class Ipv4Options {
  private Ipv4Options() {}

  static void describe(Layer layer, byte[] data, int offset, int end) {
    int at = offset;
    while (at < end) {
      int kind = Bytes.u8(data, at);
      if (kind == 0 || kind == 1) {
        layer.add("Option", kind == 0 ? "End of options" : "No-operation", "padding", at, 1);
        at++;
        if (kind == 0) {
          return;
        }
        continue;
      }
      int length = at + 1 < end ? Bytes.u8(data, at + 1) : 0;
      if (length < 2 || at + length > end) {
        layer.add("Option", "kind " + kind, "its length byte is broken, the rest is not read", at, end - at);
        return;
      }
      layer.add("Option", name(kind), length + " bytes", at, length);
      at += length;
    }
  }

  private static String name(int kind) {
    return switch (kind) {
      case 7 -> "Record route";
      case 68 -> "Timestamp";
      case 130 -> "Security";
      case 131 -> "Loose source route";
      case 137 -> "Strict source route";
      case 148 -> "Router alert";
      default -> "kind " + kind;
    };
  }
}
