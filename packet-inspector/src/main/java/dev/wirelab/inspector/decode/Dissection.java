package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of decoding one frame: the frame, how far its bytes go, and what outer layers told
 * inner ones.
 */
final class Dissection {
  final DecodedFrame frame;
  final byte[] data;
  final FrameDecoder decoder;

  /**
   * Whether to name every header field (--layers, --hex); the one-line and JSON modes need only the
   * layers and JSON fields.
   */
  final boolean details;

  /** Whether the JSON fields are kept (--json, --stats); the one-line summary does without. */
  final boolean json;

  /**
   * True while decoding the IP header an ICMP error quotes: layers are shown, JSON and summary are
   * left alone.
   */
  boolean quoted;

  /**
   * "IP" or "IP6" and the addresses of the innermost IP header, for the summary line and TCP/UDP.
   */
  String ipName;

  String src;
  String dst;
  private List<Integer> serviceVlans = List.of();
  private List<Integer> customerVlans = List.of();

  /**
   * Whether {@link #data} holds reassembled bytes (a defragmented datagram) rather than the
   * frame's.
   */
  final boolean reassembled;

  Dissection(DecodedFrame frame, FrameDecoder decoder) {
    this(frame, decoder, frame.data(), false);
  }

  private Dissection(DecodedFrame frame, FrameDecoder decoder, byte[] data, boolean reassembled) {
    this.frame = frame;
    this.data = data;
    this.decoder = decoder;
    this.details = frame.keepsFields();
    this.json = frame.keepsJson();
    this.reassembled = reassembled;
  }

  /**
   * The same frame, now decoding bytes put back together from several frames (an IP datagram from
   * its fragments): its layers count offsets within those bytes, and the outer IP header is the one
   * already decoded.
   */
  Dissection over(byte[] reassembledBytes) {
    Dissection inner = new Dissection(frame, decoder, reassembledBytes, true);
    inner.ipSeen = true;
    inner.ipName = ipName;
    inner.src = src;
    inner.dst = dst;
    inner.summaries = summaries;
    inner.addressSum = addressSum;
    return inner;
  }

  /** A DNS-over-TCP message put together from several segments, decoded for {@code frame}. */
  static Dissection ofMessage(DecodedFrame frame, FrameDecoder decoder, byte[] message) {
    return new Dissection(frame, decoder, message, true).firstFieldsOnly();
  }

  /** Later messages of one frame leave its JSON fields alone: tshark reports the first. */
  Dissection firstFieldsOnly() {
    firstFieldsOnly = true;
    return this;
  }

  private boolean firstFieldsOnly;

  /**
   * Adds a layer to the frame, marked as reassembled when this dissection decodes reassembled
   * bytes.
   */
  Layer layer(Layer layer) {
    return frame.addLayer(reassembled ? layer.reassembled() : layer);
  }

  /** Throws unless {@code count} bytes from {@code offset} lie within {@code end}. */
  void need(int offset, int count, int end, String what) {
    if (offset + count > end || offset < 0) {
      int have = Math.max(0, end - offset);
      String cause =
          reassembled || end < data.length || frame.len() <= frame.capLen()
              ? ""
              : offset + count <= frame.len()
                  ? " (the capture's snaplen cut the frame)"
                  : " (the frame was that short on the wire too: an outer length field is wrong)";
      throw new MalformedFrameException(
          what + " needs " + count + " bytes, only " + have + " present" + cause);
    }
  }

  private boolean ipSeen;

  /** An IPv4 header with total length 0 (BIG TCP): the summary says so once decoding is done. */
  boolean bigPacket;

  /** The sum of the innermost IP header's two addresses, for the TCP/UDP/ICMPv6 pseudo-header. */
  private int addressSum;

  void addressSum(int sum) {
    if (!quoted) {
      addressSum = sum;
    }
  }

  /** The pseudo-header's sum (RFC 9293 3.1, RFC 8200 8.1) for a transport of {@code protocol}. */
  int pseudoHeaderSum(int protocol, int length) {
    return Checksums.sum(
        new byte[] {0, (byte) protocol, (byte) (length >> 8), (byte) length}, 0, 4, addressSum);
  }

  /**
   * Whether the IPv4 header being checked is the outermost one (its status is ip.checksum.status).
   */
  boolean firstIpChecksum() {
    return frame.json().get("ip.checksum.status") == null && !quoted;
  }

  private int summaries;

  /** True for the outermost IP header only: tshark's ip.* fields describe that one. */
  boolean firstIp() {
    boolean first = !ipSeen && !quoted;
    ipSeen = true;
    return first;
  }

  void ip(String name, String source, String destination) {
    if (!quoted) {
      ipName = name;
      src = source;
      dst = destination;
    }
  }

  /**
   * Where a header says its packet ends; when that lies beyond the frame as it was on the wire, the
   * frame is marked malformed and decoding goes on with the bytes that are there.
   */
  int reportedEnd(int claimedEnd, String field, int value) {
    int wireEnd = reassembled ? data.length : frame.len();
    if (claimedEnd <= wireEnd) {
      return claimedEnd;
    }
    if (!quoted) {
      // The bytes were not cut off by the capture: they were never sent, so the header lies.
      String why =
          reassembled
              ? "the reassembled datagram is shorter"
              : frame.len() == frame.capLen()
                  ? "the frame was captured whole, so the header is wrong"
                  : "past even the frame's length on the wire, so the header is wrong, not the snaplen";
      frame.markMalformed(
          field
              + " "
              + value
              + " runs "
              + (claimedEnd - wireEnd)
              + " bytes past the end of the frame ("
              + why
              + ")");
    }
    return data.length;
  }

  void put(String key, Object value) {
    if (quoted) {
      return;
    }
    if (firstFieldsOnly) {
      frame.putFirst(key, value);
    } else {
      frame.put(key, value);
    }
  }

  void putFirst(String key, Object value) {
    if (!quoted) {
      frame.putFirst(key, value);
    }
  }

  void summary(String text) {
    if (!quoted) {
      frame.setSummary(text);
      summaries++;
    }
  }

  /** How many summary lines were set so far: a layer can tell whether an inner one set its own. */
  int summaries() {
    return summaries;
  }

  void addVlan(boolean serviceTag, int id) {
    if (serviceTag) {
      serviceVlans = appended(serviceVlans, id);
    } else {
      customerVlans = appended(customerVlans, id);
    }
  }

  private static List<Integer> appended(List<Integer> ids, int id) {
    List<Integer> writable = ids.isEmpty() ? new ArrayList<>(2) : ids;
    writable.add(id);
    return writable;
  }

  /** vlan.id as the oracle lists it: the 802.1ad S-tags, then the 802.1Q tags. */
  void finish() {
    if (bigPacket) {
      frame.appendSummary(
          "(IPv4 total length 0: a BIG TCP packet over 64 KiB, length from the frame)");
    }
    if (serviceVlans.isEmpty() && customerVlans.isEmpty()) {
      return;
    }
    List<Integer> ids = new ArrayList<>(serviceVlans);
    ids.addAll(customerVlans);
    frame.put("vlan.id", ids);
  }
}
