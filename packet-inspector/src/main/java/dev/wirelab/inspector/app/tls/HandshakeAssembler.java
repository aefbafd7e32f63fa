package dev.wirelab.inspector.app.tls;

import dev.wirelab.inspector.decode.MalformedFrameException;
import java.util.Arrays;

/**
 * Handshake messages (a 1-byte type, a 3-byte length, the body) of one direction: a message may
 * span records and a record may hold several, so record payloads are joined and cut here.
 */
final class HandshakeAssembler {
  /** Far above any real certificate chain; a longer message is taken as garbage. */
  static final int MAX_MESSAGE = 1 << 18;

  private final TlsSession session;
  private byte[] pending = new byte[0];
  private boolean lost;

  HandshakeAssembler(TlsSession session) {
    this.session = session;
  }

  void add(byte[] b, int off, int len, TlsReport report) {
    if (lost) {
      report.item("Handshake (not decoded after an earlier error)");
      return;
    }
    byte[] all = Arrays.copyOf(pending, pending.length + len);
    System.arraycopy(b, off, all, pending.length, len);
    int at = 0;
    while (all.length - at >= 4) {
      int type = all[at] & 0xff;
      int length = (all[at + 1] & 0xff) << 16 | (all[at + 2] & 0xff) << 8 | (all[at + 3] & 0xff);
      if (length > MAX_MESSAGE) {
        lost = true;
        pending = new byte[0];
        throw new MalformedFrameException(
            "TLS handshake: a "
                + TlsHandshakeType.label(type)
                + " of "
                + length
                + " bytes is over the limit of "
                + MAX_MESSAGE);
      }
      if (all.length - at - 4 < length) {
        break;
      }
      message(type, all, at + 4, length, report);
      at += 4 + length;
    }
    pending = Arrays.copyOfRange(all, at, all.length);
    if (pending.length >= 4) {
      String name = TlsHandshakeType.label(pending[0] & 0xff);
      int length = (pending[1] & 0xff) << 16 | (pending[2] & 0xff) << 8 | (pending[3] & 0xff);
      report.item(name + " continues in the next record");
      report.detail(
          "Handshake",
          name + " (" + (pending[0] & 0xff) + "), " + length + " bytes",
          (pending.length - 4) + " so far, continues in the next record");
    } else if (pending.length > 0) {
      report.item("handshake header continues in the next record");
    }
  }

  private void message(int type, byte[] b, int off, int len, TlsReport report) {
    report.handshake(type, len);
    try {
      if (type == TlsHandshakeType.CLIENT_HELLO.code()) {
        report.clientHello(ClientHello.parse(b, off, len));
      } else if (type == TlsHandshakeType.SERVER_HELLO.code()) {
        ServerHello hello = ServerHello.parse(b, off, len);
        session.chose(hello);
        report.serverHello(hello);
      } else if (type == TlsHandshakeType.CERTIFICATE.code()) {
        report.item(session.tls13() ? "Certificate" : certificates(b, off, len, report));
      } else {
        report.item(TlsHandshakeType.label(type));
      }
    } catch (MalformedFrameException e) {
      // The message's framing is sound: the next one can still be read.
      report.item(TlsHandshakeType.label(type) + " [malformed]");
      report.malformed(e.getMessage());
    }
  }

  /**
   * TLS 1.2's Certificate: a 3-byte list length, then each certificate (DER) with a 3-byte length;
   * the server's own comes first, then the ones that signed it.
   */
  private static String certificates(byte[] b, int off, int len, TlsReport report) {
    TlsCursor in = new TlsCursor(b, off, len, "Certificate");
    TlsCursor list = in.sub(in.u24("certificate_list length"), "certificate_list");
    int count = 0;
    CertificateNames server = null;
    while (list.remaining() > 0) {
      int length = list.u24("certificate length");
      int start = list.position();
      list.skip(length, "certificate");
      count++;
      try {
        CertificateNames names = CertificateNames.parse(b, start, length);
        server = server == null ? names : server;
        report.certificate(count, names);
      } catch (MalformedFrameException e) {
        // Not fatal: the handshake goes on, only this certificate's names are not shown.
        report.detail(
            "Certificate " + count, length + " bytes", "names not read: " + e.getMessage());
      }
    }
    StringBuilder text = new StringBuilder("Certificate");
    if (server != null && !server.subject().isEmpty()) {
      text.append(' ').append(TlsReport.printable(server.subject()));
    }
    text.append(" (");
    if (count != 1) {
      text.append("chain of ").append(count).append(", ");
    } else if (server != null && server.subject().equals(server.issuer())) {
      text.append("self-signed, ");
    }
    if (server != null) {
      // The day is enough on one line; the layer tree has the time.
      text.append("valid until ")
          .append(server.notAfter(), 0, Math.min(10, server.notAfter().length()));
    } else {
      text.append(len).append(" bytes");
    }
    return text.append(')').toString();
  }

  void lose() {
    pending = new byte[0];
    lost = false;
  }
}
