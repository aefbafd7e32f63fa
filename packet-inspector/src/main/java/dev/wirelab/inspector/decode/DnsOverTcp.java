package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.Layer;
import dev.wirelab.inspector.model.TcpSegment;
import dev.wirelab.inspector.stream.DirectionReassembler;
import dev.wirelab.inspector.stream.Reassembly;
import dev.wirelab.inspector.stream.StreamChunk;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DNS over TCP (RFC 1035 4.2.2, RFC 7766): each message is preceded by its 2-byte length, and
 * neither has to sit in one segment. The stream of each direction is put back in order and cut into
 * messages, each decoded on the frame that completes it, as tshark does with reassembly on.
 */
final class DnsOverTcp implements TcpPayloadDecoder {
  private static final int DNS_PORT = 53;
  private static final int MAX_OPEN_STREAMS = 1024;

  private final FrameDecoder decoder;
  private final Map<Integer, Stream> streams =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Stream> eldest) {
          return size() > MAX_OPEN_STREAMS;
        }
      };

  /** One direction: its reassembler and the message bytes received so far (at most 2 + 65 535). */
  private static final class Direction {
    final DirectionReassembler reassembler = new DirectionReassembler();
    byte[] pending = new byte[0];
    boolean ended;
  }

  private static final class Stream {
    final Direction[] directions = {new Direction(), new Direction()};
  }

  DnsOverTcp(FrameDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public void decode(TcpSegment segment, DecodedFrame frame) {
    if (segment.srcPort() != DNS_PORT && segment.dstPort() != DNS_PORT) {
      return;
    }
    Stream stream = streams.computeIfAbsent(segment.stream(), s -> new Stream());
    int from = segment.fromClient() ? 0 : 1;
    Direction sender = stream.directions[from];
    Reassembly released =
        sender.reassembler.accept(
            frame.number(),
            segment.seq(),
            segment.has(TcpSegment.SYN),
            segment.has(TcpSegment.FIN),
            segment.has(TcpSegment.RST),
            segment.data(),
            segment.payloadOffset(),
            segment.payloadLength(),
            segment.wireLength());
    int messagesBefore = countDnsLayers(frame);
    take(sender, released, frame);
    if (segment.has(TcpSegment.ACK)) {
      take(
          stream.directions[1 - from],
          stream.directions[1 - from].reassembler.acknowledged(segment.ack()),
          frame);
    }
    if (segment.payloadLength() > 0
        && countDnsLayers(frame) == messagesBefore
        && sender.pending.length > 0) {
      waiting(sender, frame);
    }
    for (Direction direction : stream.directions) {
      direction.ended |= segment.has(TcpSegment.RST) || direction.reassembler.finished();
    }
    if (stream.directions[0].ended && stream.directions[1].ended) {
      streams.remove(segment.stream());
    }
  }

  private void take(Direction direction, Reassembly released, DecodedFrame frame) {
    List<StreamChunk> chunks = released.chunks();
    for (int i = 0; i < chunks.size(); i++) {
      StreamChunk chunk = chunks.get(i);
      if (chunk.afterGap()) {
        // Bytes were lost: where the next length prefix starts cannot be known any more.
        direction.pending = new byte[0];
        continue;
      }
      int at = chunk.offset();
      int end = chunk.offset() + chunk.length();
      if (direction.pending.length == 0
          && chunk.bytes() == frame.data()
          && chunk.frame() == frame.number()) {
        at = inPlace(frame, at, end);
      }
      if (at < end) {
        direction.pending = joined(direction.pending, chunk.bytes(), at, end - at);
        direction.pending = messages(frame, direction.pending);
      }
    }
  }

  /**
   * Decodes the whole messages that lie in this frame's own bytes there, so --hex shows them in
   * place.
   */
  private int inPlace(DecodedFrame frame, int at, int end) {
    while (end - at >= 2 && end - at >= 2 + Bytes.u16(frame.data(), at)) {
      int length = Bytes.u16(frame.data(), at);
      decodeMessage(new Dissection(frame, decoder).firstFieldsOnly(), frame.data(), at, length);
      at += 2 + length;
    }
    return at;
  }

  /** Decodes every complete message at the start of {@code bytes}; returns what is left. */
  private byte[] messages(DecodedFrame frame, byte[] bytes) {
    int at = 0;
    while (bytes.length - at >= 2 && bytes.length - at >= 2 + Bytes.u16(bytes, at)) {
      int length = Bytes.u16(bytes, at);
      byte[] message = Arrays.copyOfRange(bytes, at, at + 2 + length);
      decodeMessage(Dissection.ofMessage(frame, decoder, message), message, 0, length);
      at += 2 + length;
    }
    return at == 0 ? bytes : Arrays.copyOfRange(bytes, at, bytes.length);
  }

  private static void decodeMessage(Dissection d, byte[] data, int at, int length) {
    try {
      Dns.decode(d, at, at + 2 + length, true);
    } catch (MalformedFrameException e) {
      d.frame.markMalformed(e.getMessage());
    }
  }

  /** A segment that ends inside a message says how far the message got. */
  private static void waiting(Direction direction, DecodedFrame frame) {
    byte[] pending = direction.pending;
    String progress =
        pending.length < 2
            ? "1 of the 2 length bytes"
            : (pending.length - 2) + " of " + Bytes.u16(pending, 0) + " bytes";
    Layer layer = frame.addLayer(new Layer("DNS", 7, 0, pending.length).reassembled());
    if (frame.keepsFields()) {
      layer.add("Message", "continues in a later segment", progress + " so far", 0, pending.length);
    }
    frame.appendSummary("DNS message continues (" + progress + " so far)");
  }

  private static int countDnsLayers(DecodedFrame frame) {
    int count = 0;
    for (Layer layer : frame.layers()) {
      count += layer.protocol().equals("DNS") ? 1 : 0;
    }
    return count;
  }

  private static byte[] joined(byte[] head, byte[] b, int off, int len) {
    byte[] both = Arrays.copyOf(head, head.length + len);
    System.arraycopy(b, off, both, head.length, len);
    return both;
  }
}
