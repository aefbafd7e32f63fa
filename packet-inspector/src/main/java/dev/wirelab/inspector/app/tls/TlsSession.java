package dev.wirelab.inspector.app.tls;

/**
 * What both directions of one TLS connection share: the version the ServerHello chose, and which
 * side has switched to encrypted records with ChangeCipherSpec (TLS 1.2 and older).
 */
public final class TlsSession {
  private int version;
  private final boolean[] cipherChanged = new boolean[2];

  void chose(ServerHello hello) {
    version = hello.version();
  }

  /**
   * TLS 1.3: every record of type 23 after the ServerHello is encrypted and its real type hidden
   * inside (tshark calls the outer byte the opaque type).
   */
  boolean tls13() {
    return version == TlsVersion.TLS_1_3.code();
  }

  void cipherChanged(int direction) {
    cipherChanged[direction] = true;
  }

  /**
   * Whether this side's handshake and alert records are encrypted: after its ChangeCipherSpec in
   * TLS 1.2 (in TLS 1.3 the ChangeCipherSpec is only for middleboxes and type 22 stays clear).
   */
  boolean encrypts(int direction) {
    return cipherChanged[direction] && !tls13();
  }
}
