package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.TcpSegment;
import java.util.HashMap;
import java.util.Map;

/** Numbers TCP connections in order of first appearance, like Wireshark's tcp.stream. */
public final class TcpStreams {
  private record Endpoints(String lowAddress, int lowPort, String highAddress, int highPort) {}

  private record Stream(int index, String clientAddress, int clientPort) {}

  private final Map<Endpoints, Stream> streams = new HashMap<>();

  TcpSegment segment(String src, int srcPort, String dst, int dstPort, long seq, long ack, int flags,
      int window, byte[] data, int payloadOffset, int payloadLength, int wireLength) {
    boolean srcIsLow = src.compareTo(dst) < 0 || (src.equals(dst) && srcPort <= dstPort);
    Endpoints key = srcIsLow ? new Endpoints(src, srcPort, dst, dstPort) : new Endpoints(dst, dstPort, src, srcPort);
    Stream stream = streams.computeIfAbsent(key, k -> new Stream(streams.size(), src, srcPort));
    boolean fromClient = stream.clientPort() == srcPort && stream.clientAddress().equals(src);
    return new TcpSegment(stream.index(), fromClient, src, srcPort, dst, dstPort, seq, ack, flags,
        window, data, payloadOffset, payloadLength, wireLength);
  }
}
