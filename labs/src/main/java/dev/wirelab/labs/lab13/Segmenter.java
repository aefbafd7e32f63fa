package dev.wirelab.labs.lab13;

import java.util.Arrays;

/** Cuts a byte array into numbered DATA segments and appends the FIN that ends the transfer. */
public final class Segmenter {
  private Segmenter() {}

  public static Segment[] cut(byte[] data, int segmentBytes) {
    if (segmentBytes < 1) {
      throw new IllegalArgumentException("a segment carries at least one byte");
    }
    int count = (data.length + segmentBytes - 1) / segmentBytes;
    Segment[] segments = new Segment[count + 1];
    for (int seq = 0; seq < count; seq++) {
      int from = seq * segmentBytes;
      segments[seq] =
          Segment.data(
              seq, Arrays.copyOfRange(data, from, Math.min(data.length, from + segmentBytes)));
    }
    segments[count] = Segment.fin(count);
    return segments;
  }
}
