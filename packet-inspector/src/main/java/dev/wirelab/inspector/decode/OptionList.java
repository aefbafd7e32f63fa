package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * Walks the kind-length-value option list that IPv4 and TCP share: kinds 0 and 1 are single padding
 * bytes, every other kind says its own length in its second byte.
 */
final class OptionList {
  private OptionList() {}

  /** Describes one option that carries a length; {@code at} is its kind byte. */
  interface SizedOption {
    void describe(Layer layer, int kind, int at, int length);
  }

  static void walk(Layer layer, byte[] data, int offset, int end, SizedOption sized) {
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
        layer.add(
            "Option",
            "kind " + kind,
            "its length byte is broken, the rest is not read",
            at,
            end - at);
        return;
      }
      sized.describe(layer, kind, at, length);
      at += length;
    }
  }
}
