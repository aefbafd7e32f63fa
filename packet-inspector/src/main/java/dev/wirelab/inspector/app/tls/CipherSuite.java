package dev.wirelab.inspector.app.tls;

import java.util.Locale;

/**
 * The cipher suites a student meets in today's captures, by their IANA names; a suite of the
 * registry not listed here is shown as its hex code.
 */
public enum CipherSuite {
  TLS_RSA_WITH_RC4_128_MD5(0x0004),
  TLS_RSA_WITH_RC4_128_SHA(0x0005),
  TLS_RSA_WITH_3DES_EDE_CBC_SHA(0x000a),
  TLS_RSA_WITH_AES_128_CBC_SHA(0x002f),
  TLS_DHE_RSA_WITH_AES_128_CBC_SHA(0x0033),
  TLS_RSA_WITH_AES_256_CBC_SHA(0x0035),
  TLS_DHE_RSA_WITH_AES_256_CBC_SHA(0x0039),
  TLS_RSA_WITH_AES_128_CBC_SHA256(0x003c),
  TLS_RSA_WITH_AES_256_CBC_SHA256(0x003d),
  TLS_DHE_RSA_WITH_AES_128_CBC_SHA256(0x0067),
  TLS_DHE_RSA_WITH_AES_256_CBC_SHA256(0x006b),
  TLS_RSA_WITH_AES_128_GCM_SHA256(0x009c),
  TLS_RSA_WITH_AES_256_GCM_SHA384(0x009d),
  TLS_DHE_RSA_WITH_AES_128_GCM_SHA256(0x009e),
  TLS_DHE_RSA_WITH_AES_256_GCM_SHA384(0x009f),
  TLS_EMPTY_RENEGOTIATION_INFO_SCSV(0x00ff),
  TLS_AES_128_GCM_SHA256(0x1301),
  TLS_AES_256_GCM_SHA384(0x1302),
  TLS_CHACHA20_POLY1305_SHA256(0x1303),
  TLS_AES_128_CCM_SHA256(0x1304),
  TLS_AES_128_CCM_8_SHA256(0x1305),
  TLS_FALLBACK_SCSV(0x5600),
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA(0xc009),
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA(0xc00a),
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA(0xc013),
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA(0xc014),
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256(0xc023),
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384(0xc024),
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256(0xc027),
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384(0xc028),
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xc02b),
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xc02c),
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xc02f),
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xc030),
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xcca8),
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xcca9),
  TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xccaa);

  private final int code;

  CipherSuite(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The IANA name, "0x0a0a (GREASE)" for RFC 8701 values, or the hex code. */
  public static String label(int code) {
    for (CipherSuite suite : values()) {
      if (suite.code == code) {
        return suite.name();
      }
    }
    String hex = String.format(Locale.ROOT, "0x%04x", code);
    return TlsVersion.isGrease(code) ? hex + " (GREASE)" : hex;
  }
}
