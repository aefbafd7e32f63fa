package dev.wirelab.inspector.app;

import dev.wirelab.inspector.app.http.HttpExchanges;
import dev.wirelab.inspector.app.http.HttpHead;
import dev.wirelab.inspector.app.http.HttpHeadParser;
import dev.wirelab.inspector.app.http.HttpListener;
import dev.wirelab.inspector.app.http.HttpReporter;
import dev.wirelab.inspector.app.http.HttpStreamDecoder;
import dev.wirelab.inspector.app.tls.TlsSession;
import dev.wirelab.inspector.app.tls.TlsStreamDecoder;
import dev.wirelab.inspector.app.websocket.WebSocketReporter;
import dev.wirelab.inspector.app.websocket.WebSocketStreamDecoder;
import dev.wirelab.inspector.stream.StreamChunk;

/**
 * The application protocols of one TCP connection: each direction starts undecided, becomes HTTP
 * when a segment starts with a request or status line (on any port), and both directions become
 * WebSocket after a {@code 101 Switching Protocols}, or TLS when the first segment starts with a
 * ClientHello; Engine.IO / Socket.IO are recognised by the request URI.
 */
public final class AppConversation {
  private final DirectionDecoder[] decoders = new DirectionDecoder[2];
  private final HttpExchanges exchanges = new HttpExchanges();
  private final EngineIoSessions engineIo;
  private boolean tlsByContent = true;

  AppConversation(EngineIoSessions engineIo) {
    this.engineIo = engineIo;
  }

  /**
   * Decodes in-order bytes of one direction (0 or 1) while {@code shownFrame} is being shown; the
   * chunk may come from an earlier frame that waited for a gap to fill.
   */
  public void onChunk(int direction, StreamChunk chunk, long shownFrame, AppFindings out) {
    ChunkContext context =
        new ChunkContext(
            out, chunk.segmentStart() && chunk.frame() == shownFrame, chunk.afterGap());
    int pos = chunk.offset();
    int end = chunk.offset() + chunk.length();
    while (pos < end) {
      if (decoders[direction] == null) {
        if (tlsByContent
            && context.packetStart()
            && decoders[1 - direction] == null
            && TlsStreamDecoder.startsClientHello(chunk.bytes(), pos, end - pos)) {
          // TLS on a port not known for it (openssl s_server's 4433, a lab's 8443).
          assumeTls();
        } else if (!context.packetStart()
            || !HttpHeadParser.startsMessage(chunk.bytes(), pos, end - pos)) {
          return;
        } else {
          decoders[direction] = new HttpStreamDecoder(exchanges, httpListener(direction));
        }
      }
      pos += decoders[direction].decode(chunk.bytes(), pos, end - pos, context);
      context = new ChunkContext(out, false, false);
    }
  }

  /**
   * A segment held back behind a gap: tshark, reading packet by packet, still shows the HTTP
   * request or status line it starts with, so its per-packet fields are reported here.
   */
  public void onHeldSegment(int direction, byte[] data, int offset, int length, AppFindings out) {
    boolean mayBeHttp =
        decoders[direction] == null || decoders[direction] instanceof HttpStreamDecoder;
    if (mayBeHttp && HttpHeadParser.startsMessage(data, offset, length)) {
      HttpReporter.startLineFields(HttpHeadParser.parseStartLine(data, offset, length), out);
    }
  }

  /**
   * The capture starts after the upgrade: both directions are WebSocket frames from the first byte.
   */
  void assumeWebSocket() {
    for (int d = 0; d < 2; d++) {
      decoders[d] = new WebSocketStreamDecoder(new WebSocketReporter());
    }
  }

  /** --decode-as ...:http: a ClientHello on this connection is not taken for TLS. */
  void noTlsByContent() {
    tlsByContent = false;
  }

  /** A TLS port (443...) or --decode-as ...:tls: both directions are TLS records. */
  void assumeTls() {
    TlsSession session = new TlsSession();
    for (int d = 0; d < 2; d++) {
      decoders[d] = new TlsStreamDecoder(session, d);
    }
  }

  /** The direction ended with FIN or RST. */
  public void onEnd(int direction, AppFindings out) {
    if (decoders[direction] != null) {
      decoders[direction].endOfStream(new ChunkContext(out, false, false));
    }
  }

  private HttpListener httpListener(int direction) {
    return new HttpListener() {
      @Override
      public void onHead(HttpHead head, HttpHead request, AppFindings out) {
        HttpReporter.head(head, out);
      }

      @Override
      public boolean keepsBody(HttpHead head, HttpHead request) {
        HttpHead sent = head.isRequest() ? head : request;
        return sent != null
            && EngineIoSessions.isEngineIo(sent.uri())
            && (head.isRequest() ? "POST".equals(head.method()) : "GET".equals(request.method()));
      }

      @Override
      public void onBody(
          HttpHead head, HttpHead request, byte[] body, long totalLength, AppFindings out) {
        HttpReporter.body(totalLength, out);
        if (!keepsBody(head, request)) {
          return;
        }
        if (body.length < totalLength) {
          out.note(
              "Engine.IO payload of "
                  + totalLength
                  + " bytes is longer than the "
                  + body.length
                  + " kept: not decoded");
          return;
        }
        HttpHead sent = head.isRequest() ? head : request;
        engineIo
            .forUri(sent.uri())
            .onPollingPayload(
                head.isRequest() ? EngineIoSession.FROM_CLIENT : EngineIoSession.FROM_SERVER,
                body,
                out);
      }

      @Override
      public void onUpgrade(HttpHead request, HttpHead response) {
        EngineIoSession session =
            EngineIoSessions.isEngineIo(request.uri()) ? engineIo.forUri(request.uri()) : null;
        for (int d = 0; d < 2; d++) {
          int sender = d == direction ? EngineIoSession.FROM_SERVER : EngineIoSession.FROM_CLIENT;
          decoders[d] =
              new WebSocketStreamDecoder(
                  session != null ? session.webSocket(sender) : new WebSocketReporter());
        }
      }
    };
  }
}
