package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.TcpSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Decodes captured frames into {@link DecodedFrame}s, from the link layer up to DNS, then hands
 * TCP payloads to the installed {@link TcpPayloadDecoder}s. One instance per capture: it numbers
 * TCP streams and its payload decoders may keep state across frames.
 */
public final class FrameDecoder {
  private final List<TcpPayloadDecoder> payloadDecoders;
  private final TcpStreams streams = new TcpStreams();
  private final boolean details;

  /** A decoder that names every header field of every layer. */
  public FrameDecoder(List<TcpPayloadDecoder> payloadDecoders) {
    this(payloadDecoders, true);
  }

  /**
   * @param details false to skip the per-field descriptions of L2-L4 headers (layers, JSON fields
   *                and the summary are still complete): several times faster, for modes that do not print fields
   */
  public FrameDecoder(List<TcpPayloadDecoder> payloadDecoders, boolean details) {
    this.payloadDecoders = List.copyOf(payloadDecoders);
    this.details = details;
  }

  /** A decoder with every {@link TcpPayloadDecoder} listed in META-INF/services, freshly created. */
  public static FrameDecoder withInstalledDecoders(boolean details) {
    List<TcpPayloadDecoder> found = new ArrayList<>();
    ServiceLoader.load(TcpPayloadDecoder.class).forEach(found::add);
    return new FrameDecoder(found, details);
  }

  /** Whether header fields are named; a payload decoder may skip its own field descriptions when not. */
  public boolean details() {
    return details;
  }

  /**
   * @param number   1-based frame number
   * @param seconds  timestamp seconds since the epoch
   * @param nanos    nanoseconds within the second
   * @param len      length of the frame on the wire
   * @param linkType LINKTYPE_ of the interface
   * @param data     the captured bytes, owned by the returned frame from now on
   */
  public DecodedFrame decode(long number, long seconds, int nanos, int len, int linkType, byte[] data) {
    DecodedFrame frame = new DecodedFrame(number, seconds, nanos, len, linkType, data);
    frame.put("frame", number);
    frame.put("cap_len", data.length);
    frame.put("len", len);
    frame.put("ts", Timestamps.epochMicros(seconds, nanos));
    frame.put("link.type", linkType);
    frame.put("link.name", LinkLayer.name(linkType));
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

  TcpStreams streams() {
    return streams;
  }

  /** Runs the payload decoders; one that fails marks the frame instead of stopping the capture. */
  void decodePayload(TcpSegment segment, DecodedFrame frame) {
    for (TcpPayloadDecoder decoder : payloadDecoders) {
      try {
        decoder.decode(segment, frame);
      } catch (MalformedFrameException e) {
        frame.markMalformed(e.getMessage());
      } catch (RuntimeException bug) {
        frame.markMalformed(decoder.getClass().getSimpleName() + " failed: " + bug);
      }
    }
  }
}
