package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.TcpSegment;
import java.util.HashMap;
import java.util.Map;

/** Numbers TCP connections in order of first appearance, like Wireshark's tcp.stream. */
public final class TcpStreams {
  private record Endpoints(String lowAddress, int lowPort, String highAddress, int highPort) {}

  private record Stream(int index, String clientAddress, int clientPort, TcpAnalysis analysis) {}

  private final Map<Endpoints, Stream> streams = new HashMap<>();

  /** The stream of the segment {@link #segment} returned last, for {@link #analyse}. */
  private Stream last;

  TcpSegment segment(
      String src,
      int srcPort,
      String dst,
      int dstPort,
      long seq,
      long ack,
      int flags,
      int window,
      byte[] data,
      int payloadOffset,
      int payloadLength,
      int wireLength) {
    boolean srcIsLow = src.compareTo(dst) < 0 || (src.equals(dst) && srcPort <= dstPort);
    Endpoints key =
        srcIsLow
            ? new Endpoints(src, srcPort, dst, dstPort)
            : new Endpoints(dst, dstPort, src, srcPort);
    Stream stream =
        streams.computeIfAbsent(
            key, k -> new Stream(streams.size(), src, srcPort, new TcpAnalysis()));
    last = stream;
    boolean fromClient = stream.clientPort() == srcPort && stream.clientAddress().equals(src);
    return new TcpSegment(
        stream.index(),
        fromClient,
        src,
        srcPort,
        dst,
        dstPort,
        seq,
        ack,
        flags,
        window,
        data,
        payloadOffset,
        payloadLength,
        wireLength);
  }

  /** The sequence analysis of the segment {@link #segment} just returned. */
  TcpAnalysis.Result analyse(TcpSegment segment, long nanos, int windowScaleOption) {
    return last.analysis()
        .segment(
            segment.fromClient(),
            nanos,
            segment.seq(),
            segment.ack(),
            segment.flags(),
            segment.window(),
            windowScaleOption,
            segment.wireLength());
  }
}
