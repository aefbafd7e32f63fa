package dev.wirelab.inspector.app.tls;

import java.util.List;

/**
 * What a ServerHello chose. {@code selectedVersion} is the supported_versions extension's value
 * (TLS 1.3 says its version only there; the legacy field stays TLS 1.2), 0 without it.
 */
public record ServerHello(
    int legacyVersion,
    int cipherSuite,
    int selectedVersion,
    List<String> alpn,
    boolean helloRetryRequest,
    List<Integer> extensions) {

  /**
   * RFC 8446 4.1.3: a HelloRetryRequest is a ServerHello whose random is this fixed value (SHA-256
   * of "HelloRetryRequest").
   */
  private static final byte[] HELLO_RETRY_RANDOM =
      java.util.HexFormat.of()
          .parseHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

  /** The version in force: the extension's when present, else the legacy field. */
  public int version() {
    return selectedVersion != 0 ? selectedVersion : legacyVersion;
  }

  /** Parses the message body (after the 4-byte handshake header). */
  static ServerHello parse(byte[] b, int off, int len) {
    TlsCursor in = new TlsCursor(b, off, len, "ServerHello");
    int version = in.u16("legacy_version");
    boolean retry = in.bytesEqual(HELLO_RETRY_RANDOM);
    in.skip(32, "random");
    in.skip(in.u8("session_id length"), "session_id");
    int suite = in.u16("cipher_suite");
    in.u8("compression_method");
    TlsExtensions extensions = TlsExtensions.read(in);
    TlsCursor supported = extensions.get(TlsExtension.SUPPORTED_VERSIONS);
    int selected = supported == null ? 0 : supported.u16("selected_version");
    return new ServerHello(version, suite, selected, extensions.alpn(), retry, extensions.types());
  }
}
