package dev.wirelab.inspector.app.tls;

/** The hello extensions the inspector names (IANA TLS ExtensionType registry). */
public enum TlsExtension {
  SERVER_NAME(0, "server_name"),
  STATUS_REQUEST(5, "status_request"),
  SUPPORTED_GROUPS(10, "supported_groups"),
  EC_POINT_FORMATS(11, "ec_point_formats"),
  SIGNATURE_ALGORITHMS(13, "signature_algorithms"),
  ALPN(16, "application_layer_protocol_negotiation"),
  SIGNED_CERTIFICATE_TIMESTAMP(18, "signed_certificate_timestamp"),
  PADDING(21, "padding"),
  ENCRYPT_THEN_MAC(22, "encrypt_then_mac"),
  EXTENDED_MASTER_SECRET(23, "extended_master_secret"),
  COMPRESS_CERTIFICATE(27, "compress_certificate"),
  SESSION_TICKET(35, "session_ticket"),
  PRE_SHARED_KEY(41, "pre_shared_key"),
  EARLY_DATA(42, "early_data"),
  SUPPORTED_VERSIONS(43, "supported_versions"),
  COOKIE(44, "cookie"),
  PSK_KEY_EXCHANGE_MODES(45, "psk_key_exchange_modes"),
  POST_HANDSHAKE_AUTH(49, "post_handshake_auth"),
  KEY_SHARE(51, "key_share"),
  RENEGOTIATION_INFO(0xff01, "renegotiation_info");

  private final int code;
  private final String label;

  TlsExtension(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  /** The registry name, "GREASE" for RFC 8701 values, or "extension N". */
  public static String label(int code) {
    for (TlsExtension extension : values()) {
      if (extension.code == code) {
        return extension.label;
      }
    }
    return TlsVersion.isGrease(code) ? "GREASE" : "extension " + code;
  }
}
