package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;

/** IPv4 (RFC 791): addresses, TTL, fragments and options, then the protocol it carries. */
final class Ipv4 {
  private Ipv4() {}

  static void decode(Dissection d, int offset, int end) {
    d.need(offset, 20, end, "IPv4 header");
    byte[] data = d.data;
    int version = Bytes.u8(data, offset) >> 4;
    int headerLength = (Bytes.u8(data, offset) & 15) * 4;
    if (version != 4) {
      throw new MalformedFrameException("IPv4 header says version " + version);
    }
    int tos = Bytes.u8(data, offset + 1);
    int totalLength = Bytes.u16(data, offset + 2);
    int id = Bytes.u16(data, offset + 4);
    int flagsAndOffset = Bytes.u16(data, offset + 6);
    int ttl = Bytes.u8(data, offset + 8);
    int protocol = Bytes.u8(data, offset + 9);
    String src = Bytes.ipv4(data, offset + 12);
    String dst = Bytes.ipv4(data, offset + 16);
    boolean dontFragment = (flagsAndOffset & 0x4000) != 0;
    boolean moreFragments = (flagsAndOffset & 0x2000) != 0;
    int fragmentOffset = (flagsAndOffset & 0x1FFF) * 8;
    Layer layer = d.layer(new Layer("IPv4", 3, offset, offset + Math.max(20, headerLength)));
    if (d.details) {
      layer
          .add("Version", "4", "", offset, 1)
          .add(
              "Header length",
              headerLength + " bytes",
              headerLength > 20 ? "options present" : "no options",
              offset,
              1)
          .add(
              "DSCP / ECN",
              Bytes.hex(tos, 2),
              "priority class " + (tos >> 2) + ", congestion bits " + (tos & 3),
              offset + 1,
              1)
          .add(
              "Total length",
              String.valueOf(totalLength),
              "header plus payload, in bytes",
              offset + 2,
              2)
          .add(
              "Identification",
              Bytes.hex(id, 4) + " (" + id + ")",
              "same for all fragments of one datagram",
              offset + 4,
              2)
          .add(
              "Flags",
              Bytes.hex(flagsAndOffset >> 13, 1),
              (dontFragment ? "don't fragment" : "may fragment")
                  + (moreFragments ? ", more fragments follow" : ""),
              offset + 6,
              1)
          .add(
              "Fragment offset",
              String.valueOf(fragmentOffset),
              fragmentOffset == 0 ? "first (or only) piece" : "bytes into the original datagram",
              offset + 6,
              2)
          .add(
              "Time to live",
              String.valueOf(ttl),
              "routers left before it is dropped",
              offset + 8,
              1)
          .add("Protocol", String.valueOf(protocol), IpProtocols.name(protocol), offset + 9, 1)
          .add("Source", src, "", offset + 12, 4)
          .add("Destination", dst, "", offset + 16, 4);
    }
    if (d.firstIp() && d.json) {
      d.put("ip.version", 4);
      d.put("ip.src", src);
      d.put("ip.dst", dst);
      d.put("ip.ttl", ttl);
      d.put("ip.proto", protocol);
      d.put("ip.len", totalLength);
      d.put("ip.id", id);
      d.put("ip.hdr_len", headerLength);
    }
    if (headerLength < 20) {
      throw new MalformedFrameException(
          "IPv4 header length " + headerLength + " is below the minimum of 20");
    }
    d.need(offset, headerLength, end, "IPv4 header with options");
    if (d.details || d.json) {
      Checksums.check(
          d,
          layer,
          d.firstIpChecksum() ? "ip.checksum.status" : "ip.inner.checksum.status",
          offset + 10,
          offset,
          offset + headerLength,
          0,
          true);
      d.addressSum(Checksums.sum(data, offset + 12, offset + 20, 0));
    }
    if (d.details) {
      Ipv4Options.describe(layer, data, offset + 20, offset + headerLength);
    }
    d.ip("IP", src, dst);
    int wireLength = totalLength == 0 ? d.frame.len() - offset : totalLength;
    if (totalLength == 0 && !d.quoted) {
      // Linux BIG TCP / GSO hands the capture one packet larger than 64 KiB before it is cut up.
      d.bigPacket = true;
    }
    if (totalLength == 0 && d.details) {
      layer.add(
          "Note",
          "total length 0",
          "a packet over 64 KiB (Linux BIG TCP or segmentation offload, captured"
              + " before the card cut it up): its length is taken from the frame",
          offset + 2,
          2);
    }
    if (wireLength < headerLength) {
      throw new MalformedFrameException(
          "IPv4 total length " + totalLength + " is shorter than its header");
    }
    int available = d.reportedEnd(offset + wireLength, "IPv4 total length", totalLength);
    if (fragmentOffset != 0 || moreFragments) {
      d.summary(
          "IP "
              + src
              + " > "
              + dst
              + ": "
              + IpProtocols.name(protocol)
              + " fragment at offset "
              + fragmentOffset
              + ", length "
              + (wireLength - headerLength)
              + (moreFragments ? ", more follow" : ", last"));
      if (!d.quoted) {
        IpFragments.Key key = new IpFragments.Key(4, src, dst, protocol, id);
        Fragment.reassemble(
            d,
            key,
            fragmentOffset,
            moreFragments,
            protocol,
            offset + headerLength,
            Math.min(end, available),
            wireLength - headerLength);
      }
      return;
    }
    int summariesBefore = d.summaries();
    try {
      IpProtocols.dispatch(
          d, protocol, offset + headerLength, Math.min(end, available), wireLength - headerLength);
    } finally {
      // Built only when the protocol inside did not get as far as its own line (unknown or
      // malformed).
      if (d.summaries() == summariesBefore) {
        d.summary(
            "IP "
                + src
                + " > "
                + dst
                + ": "
                + IpProtocols.name(protocol)
                + ", length "
                + (wireLength - headerLength));
      }
    }
  }
}
