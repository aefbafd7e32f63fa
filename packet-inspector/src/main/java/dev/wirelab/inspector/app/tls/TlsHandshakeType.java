package dev.wirelab.inspector.app.tls;

/** Handshake message types (RFC 8446 4, RFC 5246 7.4, RFC 6066 for the certificate status). */
public enum TlsHandshakeType {
  HELLO_REQUEST(0, "HelloRequest"),
  CLIENT_HELLO(1, "ClientHello"),
  SERVER_HELLO(2, "ServerHello"),
  HELLO_VERIFY_REQUEST(3, "HelloVerifyRequest"),
  NEW_SESSION_TICKET(4, "NewSessionTicket"),
  END_OF_EARLY_DATA(5, "EndOfEarlyData"),
  ENCRYPTED_EXTENSIONS(8, "EncryptedExtensions"),
  CERTIFICATE(11, "Certificate"),
  SERVER_KEY_EXCHANGE(12, "ServerKeyExchange"),
  CERTIFICATE_REQUEST(13, "CertificateRequest"),
  SERVER_HELLO_DONE(14, "ServerHelloDone"),
  CERTIFICATE_VERIFY(15, "CertificateVerify"),
  CLIENT_KEY_EXCHANGE(16, "ClientKeyExchange"),
  FINISHED(20, "Finished"),
  CERTIFICATE_STATUS(22, "CertificateStatus"),
  KEY_UPDATE(24, "KeyUpdate");

  private final int code;
  private final String label;

  TlsHandshakeType(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The message name, or "handshake type N" for one this table does not know. */
  public static String label(int code) {
    for (TlsHandshakeType type : values()) {
      if (type.code == code) {
        return type.label;
      }
    }
    return "handshake type " + code;
  }
}
