package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * The Internet checksum (RFC 1071) of IPv4 headers, TCP, UDP, ICMP and ICMPv6, checked the way the
 * receiver checks it: the sum over the bytes, checksum included, must be 0xFFFF.
 */
final class Checksums {
  private static final String OFFLOAD =
      "sent like this, or captured on the sending host before its network card"
          + " filled it in (checksum offload: the operating system leaves the sum to the card, and Linux loopback"
          + " never fills it in)";

  private Checksums() {}

  /**
   * The one's complement sum of {@code data[from, to)}, folded to 16 bits, added to {@code
   * initial}.
   */
  static int sum(byte[] data, int from, int to, int initial) {
    long sum = initial;
    int i = from;
    for (; i + 1 < to; i += 2) {
      sum += (data[i] & 0xFF) << 8 | (data[i + 1] & 0xFF);
    }
    if (i < to) {
      sum += (data[i] & 0xFF) << 8;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return (int) sum;
  }

  /**
   * Adds the Checksum field to {@code layer} with its verdict, and {@code key} = good / bad to the
   * JSON fields.
   *
   * @param initial the pseudo-header's sum (0 for the IPv4 header and ICMP)
   * @param whole whether every byte the checksum covers is in the capture
   */
  static void check(
      Dissection d,
      Layer layer,
      String key,
      int fieldAt,
      int from,
      int to,
      int initial,
      boolean whole) {
    int value = Bytes.u16(d.data, fieldAt);
    String meaning;
    if (!whole) {
      meaning = "not verified: the capture does not hold every byte it covers";
    } else {
      int total = sum(d.data, from, to, initial);
      if (total == 0xFFFF) {
        meaning = "correct";
        d.put(key, "good");
      } else {
        // The field sits an even number of bytes into what it covers, so the two halves sum alike.
        int expected = ~sum(d.data, from, fieldAt, sum(d.data, fieldAt + 2, to, initial)) & 0xFFFF;
        meaning =
            "wrong, should be " + Bytes.hex(expected == 0 ? 0xFFFF : expected, 4) + ": " + OFFLOAD;
        d.put(key, "bad");
      }
    }
    if (d.details) {
      layer.add("Checksum", Bytes.hex(value, 4), meaning, fieldAt, 2);
    }
  }
}
