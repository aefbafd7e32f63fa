package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/**
 * The start of the packet an ICMP error complains about. Its layers are shown, but it does not
 * change the frame's own JSON fields or summary, and being cut short is normal for it.
 */
final class QuotedPacket {
  private QuotedPacket() {}

  static void decode(Dissection d, Layer icmp, int offset, int end, boolean ipv6) {
    if (offset >= end || d.quoted) {
      return;
    }
    d.quoted = true;
    try {
      if (ipv6) {
        Ipv6.decode(d, offset, end);
      } else {
        Ipv4.decode(d, offset, end);
      }
    } catch (MalformedFrameException cutShort) {
      icmp.add(
          "Quoted packet",
          "partial",
          "ICMP quotes only the start of it: " + cutShort.getMessage(),
          offset,
          end - offset);
    } finally {
      d.quoted = false;
    }
  }
}
