package dev.wirelab.inspector.app.tls;

/**
 * TCP ports where TLS starts at the first byte (implicit TLS), as tshark decodes them by default.
 */
public enum TlsPorts {
  HTTPS(443),
  SMTPS(465),
  LDAPS(636),
  DNS_OVER_TLS(853),
  IMAPS(993),
  POP3S(995),
  SIPS(5061),
  AMQPS(5671),
  MQTTS(8883);

  private final int port;

  TlsPorts(int port) {
    this.port = port;
  }

  public int port() {
    return port;
  }

  public static boolean isTls(int port) {
    for (TlsPorts known : values()) {
      if (known.port == port) {
        return true;
      }
    }
    return false;
  }
}
