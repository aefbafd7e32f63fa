package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** IPv6 (RFC 8200): the fixed 40-byte header, the extension header chain, then the payload. */
final class Ipv6 {
  private static final int HOP_BY_HOP = 0;
  private static final int ROUTING = 43;
  private static final int FRAGMENT = 44;
  private static final int AUTHENTICATION = 51;
  private static final int DESTINATION_OPTIONS = 60;

  private Ipv6() {}

  static void decode(Dissection d, int offset, int end) {
    d.need(offset, 40, end, "IPv6 header");
    byte[] data = d.data;
    long first = Bytes.u32(data, offset);
    int version = (int) (first >>> 28);
    if (version != 6) {
      throw new MalformedFrameException("IPv6 header says version " + version);
    }
    int trafficClass = (int) (first >>> 20) & 0xFF;
    int flowLabel = (int) (first & 0xFFFFF);
    int payloadLength = Bytes.u16(data, offset + 4);
    int next = Bytes.u8(data, offset + 6);
    int hopLimit = Bytes.u8(data, offset + 7);
    String src = Bytes.ipv6(data, offset + 8);
    String dst = Bytes.ipv6(data, offset + 24);
    Layer fixed = d.layer(new Layer("IPv6", 3, offset, offset + 40));
    if (d.details) {
      fixed
          .add("Version", "6", "", offset, 1)
          .add(
              "Traffic class",
              Bytes.hex(trafficClass, 2),
              "priority class " + (trafficClass >> 2) + ", congestion bits " + (trafficClass & 3),
              offset,
              2)
          .add(
              "Flow label",
              Bytes.hex(flowLabel, 5),
              "groups packets of one flow; 0 = none",
              offset + 1,
              3)
          .add(
              "Payload length",
              String.valueOf(payloadLength),
              "bytes after this 40-byte header",
              offset + 4,
              2)
          .add("Next header", String.valueOf(next), IpProtocols.name(next), offset + 6, 1)
          .add(
              "Hop limit",
              String.valueOf(hopLimit),
              "routers left before it is dropped",
              offset + 7,
              1)
          .add("Source", src, "", offset + 8, 16)
          .add("Destination", dst, "", offset + 24, 16);
    }
    if (d.firstIp() && d.json) {
      d.put("ip.version", 6);
      d.put("ip.src", src);
      d.put("ip.dst", dst);
      d.put("ip.ttl", hopLimit);
      d.put("ip.proto", next);
      d.put("ip.plen", payloadLength);
    }
    d.ip("IP6", src, dst);
    if (d.details || d.json) {
      d.addressSum(Checksums.sum(data, offset + 8, offset + 40, 0));
    }
    int wireLength = payloadLength == 0 ? d.frame.len() - offset - 40 : payloadLength;
    int limit =
        Math.min(
            end, d.reportedEnd(offset + 40 + wireLength, "IPv6 payload length", payloadLength));
    int at = offset + 40;
    while (isExtension(next)) {
      d.need(at, 8, limit, "IPv6 extension header");
      int following = Bytes.u8(data, at);
      int length =
          next == FRAGMENT
              ? 8
              : next == AUTHENTICATION
                  ? (Bytes.u8(data, at + 1) + 2) * 4
                  : (Bytes.u8(data, at + 1) + 1) * 8;
      d.need(at, length, limit, "IPv6 extension header");
      Layer layer = d.layer(new Layer("IPv6 " + IpProtocols.name(next), 3, at, at + length));
      if (d.details) {
        layer
            .add("Next header", String.valueOf(following), IpProtocols.name(following), at, 1)
            .add("Length", length + " bytes", "", at + 1, 1);
      }
      if (next == FRAGMENT) {
        int offsetAndFlags = Bytes.u16(data, at + 2);
        int fragmentOffset = offsetAndFlags & 0xFFF8;
        boolean more = (offsetAndFlags & 1) != 0;
        long id = Bytes.u32(data, at + 4);
        layer
            .add(
                "Fragment offset",
                String.valueOf(fragmentOffset),
                "bytes into the original packet",
                at + 2,
                2)
            .add(
                "More fragments",
                more ? "1" : "0",
                more ? "more pieces follow" : "last piece",
                at + 3,
                1)
            .add(
                "Identification",
                Bytes.hex((int) id, 8),
                "same for all fragments of one packet",
                at + 4,
                4);
        if (fragmentOffset != 0 || more) {
          int fragmentLength = wireLength - length;
          d.summary(
              "IP6 "
                  + src
                  + " > "
                  + dst
                  + ": fragment of "
                  + IpProtocols.name(following)
                  + " at offset "
                  + fragmentOffset
                  + ", length "
                  + fragmentLength
                  + (more ? ", more follow" : ", last"));
          if (!d.quoted) {
            IpFragments.Key key = new IpFragments.Key(6, src, dst, 0, id);
            Fragment.reassemble(
                d, key, fragmentOffset, more, following, at + length, limit, fragmentLength);
          }
          return;
        }
      }
      wireLength -= length;
      at += length;
      next = following;
    }
    d.summary(
        "IP6 " + src + " > " + dst + ": " + IpProtocols.name(next) + ", length " + wireLength);
    if (wireLength < 0) {
      throw new MalformedFrameException(
          "IPv6 extension headers are longer than the payload length");
    }
    IpProtocols.dispatch(d, next, at, limit, wireLength);
  }

  private static boolean isExtension(int next) {
    return next == HOP_BY_HOP
        || next == ROUTING
        || next == FRAGMENT
        || next == AUTHENTICATION
        || next == DESTINATION_OPTIONS;
  }
}
