package dev.wirelab.inspector.app.tls;

/** The record layer's content types (RFC 8446 5.1, RFC 6520 for heartbeat). */
public enum TlsContentType {
  CHANGE_CIPHER_SPEC(20, "Change Cipher Spec"),
  ALERT(21, "Alert"),
  HANDSHAKE(22, "Handshake"),
  APPLICATION_DATA(23, "Application Data"),
  HEARTBEAT(24, "Heartbeat");

  private final int code;
  private final String label;

  TlsContentType(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The type with this code, or null: a byte that starts no TLS record. */
  public static TlsContentType of(int code) {
    for (TlsContentType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    return null;
  }
}
