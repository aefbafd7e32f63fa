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
    String serverName = null;
    List<String> alpn = List.of();
    List<Integer> versions = List.of();
    List<Integer> extensions = new ArrayList<>();
    // A hello from before RFC 3546 may end here, without extensions.
    TlsCursor all = in.remaining() == 0 ? in : in.sub(in.u16("extensions length"), "extensions");
    while (all.remaining() > 0) {
      int type = all.u16("extension type");
      TlsCursor data = all.sub(all.u16("extension length"), TlsExtension.label(type));
      extensions.add(type);
      if (type == TlsExtension.SERVER_NAME.code() && data.remaining() > 0) {
        serverName = serverName(data);
      } else if (type == TlsExtension.ALPN.code()) {
        alpn = Alpn.parse(data);
      } else if (type == TlsExtension.SUPPORTED_VERSIONS.code()) {
        TlsCursor list = data.sub(data.u8("supported_versions length"), "supported_versions");
        versions = new ArrayList<>();
        while (list.remaining() >= 2) {
          versions.add(list.u16("version"));
        }
      }
    }
    return new ClientHello(version, offered, serverName, alpn, versions, extensions);
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
