package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** Names the IPv4 options between the fixed header and the payload. */
final class Ipv4Options {
  private Ipv4Options() {}

  static void describe(Layer layer, byte[] data, int offset, int end) {
    OptionList.walk(
        layer,
        data,
        offset,
        end,
        (options, kind, at, length) ->
            options.add("Option", name(kind), length + " bytes", at, length));
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
