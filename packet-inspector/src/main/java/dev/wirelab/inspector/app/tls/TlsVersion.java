package dev.wirelab.inspector.app.tls;

import java.util.Locale;

/** Protocol version numbers as they appear on the wire (major 3 since SSL 3.0). */
public enum TlsVersion {
  SSL_3_0(0x0300, "SSL 3.0"),
  TLS_1_0(0x0301, "TLS 1.0"),
  TLS_1_1(0x0302, "TLS 1.1"),
  TLS_1_2(0x0303, "TLS 1.2"),
  TLS_1_3(0x0304, "TLS 1.3");

  private final int code;
  private final String label;

  TlsVersion(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  /** "TLS 1.2"; GREASE values (RFC 8701) and unknown ones as "0x7a7a (GREASE)" or "0x7f1c". */
  public static String label(int code) {
    for (TlsVersion version : values()) {
      if (version.code == code) {
        return version.label;
      }
    }
    String hex = String.format(Locale.ROOT, "0x%04x", code);
    return isGrease(code) ? hex + " (GREASE)" : hex;
  }

  /** Whether a record header may carry this version (SSL 3.0 to TLS 1.3). */
  public static boolean isRecordVersion(int code) {
    return code >= SSL_3_0.code && code <= TLS_1_3.code;
  }

  /**
   * RFC 8701: clients put these reserved values (0x0a0a, 0x1a1a...) among real ones so servers
   * learn to ignore what they do not know.
   */
  public static boolean isGrease(int code) {
    return (code & 0x0f0f) == 0x0a0a && (code >> 8) == (code & 0xff);
  }
}
