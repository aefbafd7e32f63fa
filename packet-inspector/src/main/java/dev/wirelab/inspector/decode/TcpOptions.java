package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** Names the TCP options after the fixed 20-byte header: MSS, window scale, SACK, timestamps. */
final class TcpOptions {
  private TcpOptions() {}

  static void describe(Layer layer, byte[] data, int offset, int end) {
    OptionList.walk(
        layer,
        data,
        offset,
        end,
        (options, kind, at, length) ->
            options.add("Option", value(kind, data, at, length), meaning(kind), at, length));
  }

  /** The window scale shift a SYN offers (RFC 7323), or -1 when it has no such option. */
  static int windowScale(byte[] data, int offset, int end) {
    int at = offset;
    while (at < end) {
      int kind = Bytes.u8(data, at);
      if (kind == 0) {
        return -1;
      }
      if (kind == 1) {
        at++;
        continue;
      }
      if (at + 1 >= end || Bytes.u8(data, at + 1) < 2) {
        return -1;
      }
      int length = Bytes.u8(data, at + 1);
      if (kind == 3 && length == 3 && at + 2 < end) {
        return Bytes.u8(data, at + 2);
      }
      at += length;
    }
    return -1;
  }

  private static String value(int kind, byte[] data, int at, int length) {
    if (kind == 2 && length == 4) {
      return "MSS " + Bytes.u16(data, at + 2);
    }
    if (kind == 3 && length == 3) {
      return "Window scale "
          + Bytes.u8(data, at + 2)
          + " (multiply by "
          + (1 << Math.min(14, Bytes.u8(data, at + 2)))
          + ")";
    }
    if (kind == 4) {
      return "SACK permitted";
    }
    if (kind == 5) {
      StringBuilder text = new StringBuilder("SACK");
      for (int block = at + 2; block + 8 <= at + length; block += 8) {
        text.append(' ')
            .append(Bytes.u32(data, block))
            .append('-')
            .append(Bytes.u32(data, block + 4));
      }
      return text.toString();
    }
    if (kind == 8 && length == 10) {
      return "Timestamps val " + Bytes.u32(data, at + 2) + " ecr " + Bytes.u32(data, at + 6);
    }
    return "kind " + kind + ", " + length + " bytes";
  }

  private static String meaning(int kind) {
    return switch (kind) {
      case 2 -> "largest segment the sender wants to receive";
      case 3 -> "the window field is shifted left by this many bits";
      case 4 -> "selective acknowledgements may be used";
      case 5 -> "byte ranges received beyond the ACK";
      case 8 -> "for round-trip time measurement and old-duplicate protection";
      default -> "";
    };
  }
}
