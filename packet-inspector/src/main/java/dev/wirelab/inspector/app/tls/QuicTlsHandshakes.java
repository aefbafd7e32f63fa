package dev.wirelab.inspector.app.tls;

import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.decode.MalformedFrameException;
import dev.wirelab.inspector.decode.QuicHandshakeDecoder;
import dev.wirelab.inspector.model.DecodedFrame;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TLS handshake in QUIC's Initial CRYPTO frames, with the decoder TLS over TCP uses: the
 * messages are the same, only the records are gone (QUIC's packets frame and protect them). Each
 * connection keeps one {@link HandshakeAssembler} per direction; at most {@link #MAX_CONNECTIONS}
 * connections are kept, the least recently active forgotten first.
 */
public final class QuicTlsHandshakes implements QuicHandshakeDecoder {
  static final int MAX_CONNECTIONS = 1024;

  static final String WHY_ENCRYPTED =
      "the rest of the handshake (Handshake packets: certificate, Finished) and all application"
          + " data (1-RTT packets) are encrypted with keys only the two ends derive from the key"
          + " exchange in these hellos";

  private final Map<Integer, HandshakeAssembler[]> connections =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, HandshakeAssembler[]> eldest) {
          return size() > MAX_CONNECTIONS;
        }
      };

  @Override
  public void decode(
      int connection,
      boolean fromClient,
      byte[] bytes,
      DecodedFrame frame,
      int start,
      int end,
      boolean reassembled) {
    HandshakeAssembler[] sides = connections.get(connection);
    if (sides == null) {
      TlsSession session = new TlsSession();
      sides =
          new HandshakeAssembler[] {
            new HandshakeAssembler(session), new HandshakeAssembler(session)
          };
      connections.put(connection, sides);
    }
    AppFindings findings = new AppFindings(frame.keepsJson());
    TlsReport report = new TlsReport(findings);
    try {
      sides[fromClient ? 0 : 1].add(bytes, 0, bytes.length, report);
    } catch (MalformedFrameException e) {
      report.malformed(e.getMessage());
    }
    report.detail("After the hellos", "encrypted", WHY_ENCRYPTED);
    report.finish(null, "");
    findings.showOn(frame, start, end, reassembled, -1);
  }
}
