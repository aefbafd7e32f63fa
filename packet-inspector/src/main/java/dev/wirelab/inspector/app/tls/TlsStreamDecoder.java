package dev.wirelab.inspector.app.tls;

import dev.wirelab.inspector.app.ChunkContext;
import dev.wirelab.inspector.app.DirectionDecoder;
import dev.wirelab.inspector.decode.MalformedFrameException;
import java.util.Locale;

/**
 * Cuts one direction of a TLS connection into records (RFC 8446 5.1), on the frame that completes
 * each, as tshark does with reassembly on: a record may span segments and a segment may hold
 * several. Handshake records feed a {@link HandshakeAssembler}; encrypted records are counted.
 */
public final class TlsStreamDecoder implements DirectionDecoder {
  private static final int HEADER = 5;

  /** RFC 5246 6.2.3: no record's payload is longer than 2^14 + 2048 bytes. */
  static final int MAX_RECORD = (1 << 14) + 2048;

  private final TlsSession session;
  private final int direction;
  private final HandshakeAssembler handshakes;
  private final byte[] header = new byte[HEADER];
  private int headerFill;
  private TlsContentType type;
  private int version;
  private int length;
  private byte[] body;
  private int bodyFill;

  /** Until a segment starts with a record header: the start, or bytes after a loss or an error. */
  private boolean searching = true;

  private boolean explainedTls13;

  /**
   * @param direction 0 for the client's bytes, 1 for the server's
   */
  public TlsStreamDecoder(TlsSession session, int direction) {
    this.session = session;
    this.direction = direction;
    this.handshakes = new HandshakeAssembler(session);
  }

  @Override
  public int decode(byte[] b, int off, int len, ChunkContext context) {
    TlsReport report = new TlsReport(context.findings());
    if (context.afterGap()) {
      lose();
    }
    if (searching) {
      if (!context.packetStart() || !startsRecord(b, off, len)) {
        report.detail(
            "Data", len + " bytes", "no TLS record starts here (the capture or a loss cut in)");
        context.findings().meaning("TLS data, no record starts here");
        return len;
      }
      searching = false;
    }
    int pos = off;
    int end = off + len;
    try {
      while (pos < end) {
        if (headerFill < HEADER) {
          int take = Math.min(HEADER - headerFill, end - pos);
          System.arraycopy(b, pos, header, headerFill, take);
          headerFill += take;
          pos += take;
          if (headerFill == HEADER) {
            startRecord();
          }
        } else {
          int take = Math.min(length - bodyFill, end - pos);
          if (body != null) {
            System.arraycopy(b, pos, body, bodyFill, take);
          }
          bodyFill += take;
          pos += take;
        }
        if (headerFill == HEADER && bodyFill == length) {
          completeRecord(report);
        }
      }
    } catch (MalformedFrameException e) {
      context.findings().malformed(e.getMessage());
      lose();
    }
    if (searching || headerFill == 0) {
      report.finish(null, null);
    } else if (headerFill < HEADER) {
      report.finish("record header", headerFill + " of 5 bytes");
    } else {
      report.finish(type.label() + " record", bodyFill + " of " + length + " bytes");
    }
    return len;
  }

  private void startRecord() {
    type = TlsContentType.of(header[0] & 0xff);
    version = (header[1] & 0xff) << 8 | (header[2] & 0xff);
    length = (header[3] & 0xff) << 8 | (header[4] & 0xff);
    if (type == null) {
      throw new MalformedFrameException(
          String.format(
              Locale.ROOT,
              "TLS record: content type %d is not a TLS record type",
              header[0] & 0xff));
    }
    if (!TlsVersion.isRecordVersion(version)) {
      throw new MalformedFrameException(
          String.format(
              Locale.ROOT, "TLS record: version 0x%04x is not SSL 3.0 to TLS 1.3", version));
    }
    if (length > MAX_RECORD) {
      throw new MalformedFrameException(
          "TLS record: length " + length + " is over the limit of " + MAX_RECORD + " bytes");
    }
    // Encrypted payloads are only counted: their bytes mean nothing without the keys.
    body = keepsBody() ? new byte[length] : null;
    bodyFill = 0;
  }

  private boolean keepsBody() {
    return switch (type) {
      case HANDSHAKE, ALERT -> !session.encrypts(direction);
      default -> false;
    };
  }

  private void completeRecord(TlsReport report) {
    boolean opaque = type == TlsContentType.APPLICATION_DATA && session.tls13();
    report.record(type, opaque, version, length);
    switch (type) {
      case CHANGE_CIPHER_SPEC -> {
        session.cipherChanged(direction);
        report.item("Change Cipher Spec");
        report.detail(
            "Change Cipher Spec",
            "switch to the negotiated keys",
            session.tls13()
                ? "TLS 1.3 sends it only so that middleboxes see a familiar handshake"
                : "from here on this side's records are encrypted");
      }
      case ALERT -> alert(report);
      case HANDSHAKE -> {
        if (body == null) {
          report.item("Encrypted Handshake Message");
          report.detail(
              "Encrypted handshake",
              length + " bytes",
              "the Finished message; " + TlsReport.WHY_ENCRYPTED);
        } else {
          handshakes.add(body, 0, length, report);
        }
      }
      case APPLICATION_DATA -> {
        String why = TlsReport.WHY_ENCRYPTED;
        if (session.tls13() && !explainedTls13) {
          explainedTls13 = true;
          why += "; in TLS 1.3 all after ServerHello is encrypted, the certificate too";
        }
        report.applicationData(length, why);
      }
      case HEARTBEAT -> report.item("Heartbeat");
    }
    headerFill = 0;
    bodyFill = 0;
    body = null;
  }

  private void alert(TlsReport report) {
    if (body == null) {
      report.item("Encrypted Alert");
      report.detail(
          "Encrypted alert", length + " bytes", "usually close_notify; " + TlsReport.WHY_ENCRYPTED);
      return;
    }
    if (length != 2) {
      throw new MalformedFrameException("TLS alert: " + length + " bytes, an alert has 2");
    }
    String level =
        switch (body[0]) {
          case 1 -> "warning";
          case 2 -> "fatal";
          default -> "level " + (body[0] & 0xff);
        };
    String description = TlsAlert.label(body[1] & 0xff);
    report.item("Alert " + level + " " + description);
    report.detail("Alert", level + ", " + description, "one side reports a problem or closes");
  }

  private void lose() {
    searching = true;
    headerFill = 0;
    bodyFill = 0;
    body = null;
    handshakes.lose();
  }

  /**
   * Whether the bytes start a handshake record (TLS 1.0 to 1.3 record version) whose first message
   * is a ClientHello: how a client opens TLS on any port, and unlikely to open anything else.
   */
  public static boolean startsClientHello(byte[] b, int off, int len) {
    if (len < 6 || b[off] != 22 || b[off + 1] != 3 || b[off + 2] < 1 || b[off + 2] > 4) {
      return false;
    }
    int length = (b[off + 3] & 0xff) << 8 | (b[off + 4] & 0xff);
    return length >= 4 && length <= MAX_RECORD && b[off + 5] == 1;
  }

  /** A record header fits the first bytes: a known type and major version 3 (as far as present). */
  static boolean startsRecord(byte[] b, int off, int len) {
    if (len < 1 || TlsContentType.of(b[off] & 0xff) == null) {
      return false;
    }
    if (len < 3) {
      return len < 2 || b[off + 1] == 3;
    }
    return TlsVersion.isRecordVersion((b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff));
  }
}
