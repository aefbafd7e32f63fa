package dev.wirelab.inspector.app.tls;

/** Alert descriptions (RFC 8446 6): why one end gives up, in the words a student can look up. */
public enum TlsAlert {
  CLOSE_NOTIFY(0, "close notify"),
  UNEXPECTED_MESSAGE(10, "unexpected message"),
  BAD_RECORD_MAC(20, "bad record MAC"),
  RECORD_OVERFLOW(22, "record overflow"),
  HANDSHAKE_FAILURE(40, "handshake failure"),
  BAD_CERTIFICATE(42, "bad certificate"),
  UNSUPPORTED_CERTIFICATE(43, "unsupported certificate"),
  CERTIFICATE_REVOKED(44, "certificate revoked"),
  CERTIFICATE_EXPIRED(45, "certificate expired"),
  CERTIFICATE_UNKNOWN(46, "certificate unknown"),
  ILLEGAL_PARAMETER(47, "illegal parameter"),
  UNKNOWN_CA(48, "unknown CA"),
  ACCESS_DENIED(49, "access denied"),
  DECODE_ERROR(50, "decode error"),
  DECRYPT_ERROR(51, "decrypt error"),
  PROTOCOL_VERSION(70, "protocol version"),
  INSUFFICIENT_SECURITY(71, "insufficient security"),
  INTERNAL_ERROR(80, "internal error"),
  INAPPROPRIATE_FALLBACK(86, "inappropriate fallback"),
  USER_CANCELED(90, "user canceled"),
  NO_RENEGOTIATION(100, "no renegotiation"),
  MISSING_EXTENSION(109, "missing extension"),
  UNSUPPORTED_EXTENSION(110, "unsupported extension"),
  UNRECOGNIZED_NAME(112, "unrecognized name"),
  BAD_CERTIFICATE_STATUS_RESPONSE(113, "bad certificate status response"),
  UNKNOWN_PSK_IDENTITY(115, "unknown PSK identity"),
  CERTIFICATE_REQUIRED(116, "certificate required"),
  NO_APPLICATION_PROTOCOL(120, "no application protocol");

  private final int code;
  private final String label;

  TlsAlert(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  /** The description, or "alert N" for one this table does not know. */
  public static String label(int code) {
    for (TlsAlert alert : values()) {
      if (alert.code == code) {
        return alert.label;
      }
    }
    return "alert " + code;
  }
}
