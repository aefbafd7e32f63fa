package dev.wirelab.inspector.app.tls;

import java.util.ArrayList;
import java.util.List;

/**
 * What a ClientHello offers: the legacy version field, the cipher suites, and the extensions a
 * student reads (server name, ALPN, supported versions); {@code serverName} is null without SNI.
 */
public record ClientHello(
    int legacyVersion,
    List<Integer> cipherSuites,
    String serverName,
    List<String> alpn,
    List<Integer> supportedVersions,
    List<Integer> extensions) {

  /** Parses the message body (after the 4-byte handshake header). */
  static ClientHello parse(byte[] b, int off, int len) {
    TlsCursor in = new TlsCursor(b, off, len, "ClientHello");
    int version = in.u16("legacy_version");
    in.skip(32, "random");
    in.skip(in.u8("session_id length"), "session_id");
    TlsCursor suites = in.sub(in.u16("cipher_suites length"), "cipher_suites");
    List<Integer> offered = new ArrayList<>();
    while (suites.remaining() >= 2) {
      offered.add(suites.u16("cipher suite"));
    }
    in.skip(in.u8("compression_methods length"), "compression_methods");
    TlsExtensions extensions = TlsExtensions.read(in);
    TlsCursor sni = extensions.get(TlsExtension.SERVER_NAME);
    String serverName = sni == null || sni.remaining() == 0 ? null : serverName(sni);
    TlsCursor supported = extensions.get(TlsExtension.SUPPORTED_VERSIONS);
    List<Integer> versions = supported == null ? List.of() : versions(supported);
    return new ClientHello(
        version, offered, serverName, extensions.alpn(), versions, extensions.types());
  }

  /** RFC 8446 4.2.1: the versions the client supports, most preferred first. */
  private static List<Integer> versions(TlsCursor data) {
    TlsCursor list = data.sub(data.u8("supported_versions length"), "supported_versions");
    List<Integer> versions = new ArrayList<>();
    while (list.remaining() >= 2) {
      versions.add(list.u16("version"));
    }
    return versions;
  }

  /** RFC 6066 3: a list of (type, name); the first host_name (type 0) is the one a server uses. */
  private static String serverName(TlsCursor data) {
    TlsCursor list = data.sub(data.u16("server_name_list length"), "server_name_list");
    while (list.remaining() > 0) {
      int type = list.u8("name_type");
      String name = list.ascii(list.u16("host_name length"), "host_name");
      if (type == 0) {
        return name;
      }
    }
    return null;
  }
}
