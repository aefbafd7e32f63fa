package dev.wirelab.inspector.app;

import dev.wirelab.inspector.stream.DirectionReassembler;
import dev.wirelab.inspector.stream.Reassembly;
import dev.wirelab.inspector.stream.StreamChunk;
import java.util.List;

/**
 * One TCP connection from its segments to its application messages: each direction is put back in
 * order, then decoded by the connection's {@link AppConversation}.
 */
public final class ConnectionDecoder {
  private final DirectionReassembler[] reassemblers = {
    new DirectionReassembler(), new DirectionReassembler()
  };
  private final boolean[] ended = new boolean[2];
  private final EngineIoSessions engineIo;
  private AppConversation conversation;
  private boolean webSocket;
  private boolean tls;
  private boolean http;

  ConnectionDecoder(EngineIoSessions engineIo) {
    this.engineIo = engineIo;
    this.conversation = new AppConversation(engineIo);
  }

  /**
   * Takes one segment of direction 0 or 1, shown as capture frame {@code frame}; {@code ack} is -1
   * without the ACK flag.
   */
  public void onSegment(
      int direction,
      long frame,
      long seq,
      long ack,
      boolean syn,
      boolean fin,
      boolean rst,
      byte[] data,
      int offset,
      int length,
      int wireLength,
      AppFindings out) {
    Reassembly released =
        reassemblers[direction].accept(frame, seq, syn, fin, rst, data, offset, length, wireLength);
    if (released.restarted()) {
      // A new connection reuses the ports: its messages have nothing to do with the old ones.
      reassemblers[1 - direction] = new DirectionReassembler();
      ended[0] = false;
      ended[1] = false;
      conversation = fresh();
    }
    deliver(direction, released, frame, out);
    if (released.held()) {
      conversation.onHeldSegment(direction, data, offset, length, out);
    }
    if (ack >= 0) {
      deliver(1 - direction, reassemblers[1 - direction].acknowledged(ack), frame, out);
    }
    for (int d = 0; d < 2; d++) {
      if (!ended[d] && (rst || reassemblers[d].finished())) {
        ended[d] = true;
        conversation.onEnd(d, out);
      }
    }
  }

  private void deliver(int direction, Reassembly released, long frame, AppFindings out) {
    released.notes().forEach(out::note);
    List<StreamChunk> chunks = released.chunks();
    // Indexed: this runs for every segment, and the iterator was a measurable share of the garbage.
    for (int i = 0; i < chunks.size(); i++) {
      conversation.onChunk(direction, chunks.get(i), frame, out);
    }
  }

  /** --decode-as ...:websocket: both directions carry WebSocket frames from their first byte. */
  void assumeWebSocket() {
    webSocket = true;
    conversation.assumeWebSocket();
  }

  /** A TLS port or --decode-as ...:tls: both directions carry TLS records from their first byte. */
  void assumeTls() {
    tls = true;
    conversation.assumeTls();
  }

  /** --decode-as ...:http: HTTP only, even if a segment looks like a TLS ClientHello. */
  void assumeHttp() {
    http = true;
    conversation.noTlsByContent();
  }

  /** A conversation for a new connection on the same ports, with the same assumptions. */
  private AppConversation fresh() {
    AppConversation next = new AppConversation(engineIo);
    if (webSocket) {
      next.assumeWebSocket();
    }
    if (tls) {
      next.assumeTls();
    }
    if (http) {
      next.noTlsByContent();
    }
    return next;
  }

  /** Whether both directions ended, so the connection's state can be dropped. */
  public boolean closed() {
    return ended[0] && ended[1];
  }
}
