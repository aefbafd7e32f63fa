package dev.wirelab.inspector.app;

import dev.wirelab.inspector.app.tls.TlsPorts;
import dev.wirelab.inspector.decode.TcpPayloadDecoder;
import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.TcpSegment;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inspector's application layers: reassembles every TCP stream and shows HTTP, WebSocket,
 * Engine.IO and Socket.IO on the frames that carry them. Connections are forgotten once both
 * directions ended (or, past 4096 open ones, the least recently active), so memory follows the open
 * connections, not the file size.
 */
public final class AppPayloadDecoder implements TcpPayloadDecoder {
  /**
   * Connections that never close (the capture ended first) must not pile up over a long capture.
   */
  private static final int MAX_OPEN_CONNECTIONS = 4096;

  private final Map<Integer, ConnectionDecoder> connections =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ConnectionDecoder> eldest) {
          return size() > MAX_OPEN_CONNECTIONS;
        }
      };
  private final EngineIoSessions engineIo = new EngineIoSessions();
  private Map<Integer, String> protocolByPort = Map.of();

  /** Streams whose both directions ended: the last ACKs after the FINs need no new state. */
  private final BitSet closed = new BitSet();

  @Override
  public void decode(TcpSegment segment, DecodedFrame frame) {
    if (closed.get(segment.stream())) {
      return;
    }
    // get, then put: computeIfAbsent's capturing lambda was a new object per segment.
    ConnectionDecoder connection = connections.get(segment.stream());
    if (connection == null) {
      connection = new ConnectionDecoder(engineIo);
      if ("websocket".equals(protocolByPort.get(segment.srcPort()))
          || "websocket".equals(protocolByPort.get(segment.dstPort()))) {
        connection.assumeWebSocket();
      } else if ("http".equals(protocolByPort.get(segment.srcPort()))
          || "http".equals(protocolByPort.get(segment.dstPort()))) {
        connection.assumeHttp();
      } else if (isTls(segment.srcPort()) || isTls(segment.dstPort())) {
        connection.assumeTls();
      }
      connections.put(segment.stream(), connection);
    }
    AppFindings findings = new AppFindings(frame.keepsJson());
    connection.onSegment(
        segment.fromClient() ? 0 : 1,
        frame.number(),
        segment.seq(),
        segment.has(TcpSegment.ACK) ? segment.ack() : -1,
        segment.has(TcpSegment.SYN),
        segment.has(TcpSegment.FIN),
        segment.has(TcpSegment.RST),
        segment.data(),
        segment.payloadOffset(),
        segment.payloadLength(),
        segment.wireLength(),
        findings);
    if (connection.closed()) {
      connections.remove(segment.stream());
      closed.set(segment.stream());
    }
    int start = segment.payloadOffset();
    findings.showOn(
        frame,
        start,
        start + segment.payloadLength(),
        segment.data() != frame.data(),
        segment.stream());
  }

  /** TLS from the first byte: a well-known TLS port, or one --decode-as names tls. */
  private boolean isTls(int port) {
    String assumed = protocolByPort.get(port);
    return assumed == null ? TlsPorts.isTls(port) : assumed.equals("tls");
  }

  @Override
  public void decodeAs(Map<Integer, String> rules) {
    this.protocolByPort = Map.copyOf(rules);
  }
}
