package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.TcpSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Decodes captured frames into {@link DecodedFrame}s, from the link layer up to DNS, then hands TCP
 * payloads to the installed {@link TcpPayloadDecoder}s. One instance per capture: it numbers TCP
 * streams and its payload decoders may keep state across frames.
 */
public final class FrameDecoder {
  private final List<TcpPayloadDecoder> payloadDecoders;
  private final TcpStreams streams = new TcpStreams();
  private final IpFragments fragments = new IpFragments();
  private final QuicConnections quicConnections = new QuicConnections();
  private final QuicHandshakeDecoder quicHandshakes =
      ServiceLoader.load(QuicHandshakeDecoder.class).findFirst().orElse(null);
  private final Detail detail;
  private boolean absoluteSequenceNumbers;

  /** How much of each frame to decode: an output mode asks only for what it prints. */
  public enum Detail {
    /** Layers, summary and TCP segments; no JSON fields, no field descriptions. */
    SUMMARY,
    /** Also the JSON fields. */
    JSON,
    /** Also every header field with its meaning (--layers, --hex). */
    FIELDS
  }

  /** A decoder that decodes everything. */
  public FrameDecoder(List<TcpPayloadDecoder> payloadDecoders) {
    this(payloadDecoders, Detail.FIELDS);
  }

  public FrameDecoder(List<TcpPayloadDecoder> payloadDecoders, Detail detail) {
    List<TcpPayloadDecoder> all = new ArrayList<>(payloadDecoders.size() + 1);
    all.add(new DnsOverTcp(this));
    all.addAll(payloadDecoders);
    this.payloadDecoders = List.copyOf(all);
    this.detail = detail;
  }

  /**
   * A decoder with every {@link TcpPayloadDecoder} listed in META-INF/services, freshly created.
   */
  public static FrameDecoder withInstalledDecoders(Detail detail) {
    List<TcpPayloadDecoder> found = new ArrayList<>();
    ServiceLoader.load(TcpPayloadDecoder.class).forEach(found::add);
    return new FrameDecoder(found, detail);
  }

  /**
   * Decodes a frame completely: {@link #decodeHeaders}, then {@link #decodeApplication}.
   *
   * @param number 1-based frame number
   * @param seconds timestamp seconds since the epoch
   * @param nanos nanoseconds within the second
   * @param len length of the frame on the wire
   * @param linkType LINKTYPE_ of the interface
   * @param data the captured bytes, owned by the returned frame from now on
   */
  public DecodedFrame decode(
      long number, long seconds, int nanos, int len, int linkType, byte[] data) {
    return decodeApplication(decodeHeaders(number, seconds, nanos, len, linkType, data));
  }

  /**
   * The link layer up to TCP or UDP (and DNS): everything but the TCP payload decoders. Call it in
   * capture order (it numbers TCP streams); it shares no state with {@link #decodeApplication}, so
   * the two may run on different threads, each in capture order.
   */
  public DecodedFrame decodeHeaders(
      long number, long seconds, int nanos, int len, int linkType, byte[] data) {
    DecodedFrame frame =
        new DecodedFrame(
            number,
            seconds,
            nanos,
            len,
            linkType,
            data,
            detail != Detail.SUMMARY,
            detail == Detail.FIELDS);
    if (detail != Detail.SUMMARY) {
      frame.put("frame", number);
      frame.put("cap_len", data.length);
      frame.put("len", len);
      frame.put("ts", Timestamps.epochMicros(seconds, nanos));
      frame.put("link.type", linkType);
      frame.put("link.name", LinkLayer.name(linkType));
    }
    Dissection dissection = new Dissection(frame, this);
    try {
      LinkLayer.decode(dissection, linkType);
    } catch (MalformedFrameException e) {
      frame.markMalformed(e.getMessage());
    } finally {
      dissection.finish();
    }
    if (frame.summary().isEmpty()) {
      frame.setSummary("length " + len);
    }
    return frame;
  }

  /**
   * Runs the TCP payload decoders on the segment the frame carries (if any); they keep state across
   * frames, so call this in capture order. One that fails marks the frame instead of stopping the
   * capture.
   */
  public DecodedFrame decodeApplication(DecodedFrame frame) {
    TcpSegment segment = frame.tcpSegment();
    if (segment == null) {
      return frame;
    }
    for (TcpPayloadDecoder decoder : payloadDecoders) {
      try {
        decoder.decode(segment, frame);
      } catch (MalformedFrameException e) {
        frame.markMalformed(e.getMessage());
      } catch (RuntimeException bug) {
        frame.markMalformed(decoder.getClass().getSimpleName() + " failed: " + bug);
      }
    }
    return frame;
  }

  /** {@code --decode-as}: hands the port rules to every payload decoder. */
  public FrameDecoder decodeAs(java.util.Map<Integer, String> protocolByPort) {
    payloadDecoders.forEach(decoder -> decoder.decodeAs(protocolByPort));
    return this;
  }

  /**
   * The summary shows raw sequence numbers (tcpdump -S) instead of offsets from each side's first.
   */
  public FrameDecoder absoluteSequenceNumbers(boolean absolute) {
    this.absoluteSequenceNumbers = absolute;
    return this;
  }

  boolean absoluteSequenceNumbers() {
    return absoluteSequenceNumbers;
  }

  TcpStreams streams() {
    return streams;
  }

  IpFragments fragments() {
    return fragments;
  }

  QuicConnections quicConnections() {
    return quicConnections;
  }

  /** The TLS decoder for QUIC's CRYPTO frames, or null when none is installed. */
  QuicHandshakeDecoder quicHandshakes() {
    return quicHandshakes;
  }
}
