package dev.wirelab.inspector.app.tls;

import dev.wirelab.inspector.app.AppFindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one run of in-order bytes held, told three ways: tshark's tls.* fields, the layer tree, and
 * one summary item per record or handshake message ("TLS ServerHello TLS 1.3 ..., Change Cipher
 * Spec, Application Data 1569 bytes in 3 records (encrypted)").
 */
final class TlsReport {
  static final String LAYER = "TLS";
  static final String WHY_ENCRYPTED =
      "TLS encrypts with keys only the two ends derive from the key exchange in the hellos;"
          + " without them the contents cannot be shown";

  private final AppFindings out;
  private final List<String> items = new ArrayList<>();
  private int dataRecords;
  private boolean explained;
  private long dataBytes;

  TlsReport(AppFindings out) {
    this.out = out;
  }

  void record(TlsContentType type, boolean opaque, int version, int length) {
    out.fieldAppend(opaque ? "tls.record.opaque_type" : "tls.record.content_type", type.code());
    out.fieldAppend("tls.record.version", version);
    out.fieldAppend("tls.record.length", length);
    out.detail(
        LAYER,
        "Record",
        type.label()
            + " ("
            + type.code()
            + "), version "
            + TlsVersion.label(version)
            + ", "
            + bytes(length),
        opaque
            ? "opaque type: the real one is encrypted inside"
            : version < TlsVersion.TLS_1_2.code()
                ? "the record version stays old for old middleboxes; the hellos negotiate the real one"
                : "");
  }

  void applicationData(int length, String why) {
    dataRecords++;
    dataBytes += length;
    out.detail(LAYER, "Encrypted data", length + " bytes", explained ? "encrypted, as above" : why);
    explained = true;
  }

  void item(String text) {
    flushData();
    items.add(text);
  }

  void malformed(String reason) {
    out.malformed(reason);
  }

  void detail(String name, Object value, String meaning) {
    out.detail(LAYER, name, value, meaning);
  }

  void handshake(int type, int length) {
    out.fieldAppend("tls.handshake.type", type);
    out.detail(
        LAYER, "Handshake", TlsHandshakeType.label(type) + " (" + type + "), " + bytes(length), "");
  }

  void clientHello(ClientHello hello) {
    out.fieldOnce("tls.handshake.version", hello.legacyVersion());
    if (hello.serverName() != null) {
      out.fieldOnce("tls.handshake.sni", hello.serverName());
    }
    if (!hello.alpn().isEmpty()) {
      out.fieldOnce("tls.handshake.alpn", hello.alpn());
    }
    if (!hello.supportedVersions().isEmpty()) {
      out.fieldOnce("tls.handshake.extensions.supported_version", hello.supportedVersions());
    }
    out.fieldOnce("tls.handshake.ciphersuite", hello.cipherSuites());
    StringBuilder text = new StringBuilder("ClientHello");
    if (hello.serverName() != null) {
      String name = printable(hello.serverName());
      text.append(" SNI ").append(name);
      detail("Server name (SNI)", name, "the site the client asks for, sent in clear text");
    } else {
      detail("Server name (SNI)", "none", "the client named no site (curl sends none for an IP)");
    }
    if (!hello.alpn().isEmpty()) {
      String protocols = printable(String.join(",", hello.alpn()));
      text.append(" ALPN ").append(protocols);
      detail("ALPN", protocols, "application protocols the client offers, in its order");
    }
    if (!hello.supportedVersions().isEmpty()) {
      detail("Supported versions", versions(hello.supportedVersions()), "the client offers these");
    } else {
      detail("Version", TlsVersion.label(hello.legacyVersion()), "the highest the client offers");
    }
    detail("Cipher suites", hello.cipherSuites().size() + " offered", suites(hello.cipherSuites()));
    detail("Extensions", extensions(hello.extensions()), "");
    item(text.toString());
  }

  /** One certificate of the chain: the first is the server's own. */
  void certificate(int index, CertificateNames names) {
    if (index == 1) {
      out.fieldOnce("tls.handshake.certificate.subject_cn", names.subject());
      out.fieldOnce("tls.handshake.certificate.issuer_cn", names.issuer());
      out.fieldOnce("tls.handshake.certificate.not_before", names.notBefore());
      out.fieldOnce("tls.handshake.certificate.not_after", names.notAfter());
    }
    detail(
        "Certificate " + index,
        "CN=" + printable(names.subject()) + ", issued by CN=" + printable(names.issuer()),
        "valid "
            + names.notBefore()
            + " to "
            + names.notAfter()
            + " UTC"
            + (index == 1 ? "; the server's own, the name the client checks" : ""));
  }

  void serverHello(ServerHello hello) {
    out.fieldOnce("tls.handshake.version", hello.legacyVersion());
    if (hello.selectedVersion() != 0) {
      out.fieldOnce("tls.handshake.extensions.supported_version", List.of(hello.selectedVersion()));
    }
    if (!hello.alpn().isEmpty()) {
      out.fieldOnce("tls.handshake.alpn", hello.alpn());
    }
    out.fieldOnce("tls.handshake.ciphersuite", List.of(hello.cipherSuite()));
    String version = TlsVersion.label(hello.version());
    String suite = CipherSuite.label(hello.cipherSuite());
    detail(
        "Version",
        version,
        hello.selectedVersion() != 0
            ? "chosen in supported_versions; the legacy field says "
                + TlsVersion.label(hello.legacyVersion())
            : "chosen by the server");
    detail(
        "Cipher suite",
        suite + String.format(Locale.ROOT, " (0x%04x)", hello.cipherSuite()),
        "chosen by the server from the client's list");
    StringBuilder text =
        new StringBuilder(hello.helloRetryRequest() ? "HelloRetryRequest " : "ServerHello ")
            .append(version)
            .append(' ')
            .append(suite);
    if (!hello.alpn().isEmpty()) {
      String protocol = printable(String.join(",", hello.alpn()));
      text.append(" ALPN ").append(protocol);
      detail("ALPN", protocol, "the application protocol the server chose");
    }
    if (hello.helloRetryRequest()) {
      detail("HelloRetryRequest", "yes", "the server asks the client for another ClientHello");
    }
    item(text.toString());
  }

  /**
   * The run's summary line: its items, then how far a record still on its way got ({@code pending}
   * "Handshake record", "record header", or null at a record boundary).
   */
  void finish(String pending, String soFar) {
    flushData();
    if (pending != null) {
      detail("Record", pending + ", continues in a later segment", soFar + " so far");
    }
    if (items.isEmpty() && pending == null) {
      return;
    }
    StringBuilder text = new StringBuilder("TLS ").append(String.join(", ", items));
    if (pending != null) {
      text.append(items.isEmpty() ? pending : ", next " + pending);
      text.append(" continues (").append(soFar).append(" so far)");
    }
    out.meaning(text.toString());
  }

  private void flushData() {
    if (dataRecords == 0) {
      return;
    }
    items.add(
        "Application Data "
            + dataBytes
            + " bytes"
            + (dataRecords > 1 ? " in " + dataRecords + " records" : "")
            + " (encrypted)");
    dataRecords = 0;
    dataBytes = 0;
  }

  static String bytes(long count) {
    return count == 1 ? "1 byte" : count + " bytes";
  }

  private static String versions(List<Integer> codes) {
    List<String> names = new ArrayList<>();
    codes.forEach(code -> names.add(TlsVersion.label(code)));
    return String.join(", ", names);
  }

  private static String suites(List<Integer> codes) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(3, codes.size()); i++) {
      names.add(CipherSuite.label(codes.get(i)));
    }
    return "first " + String.join(", ", names) + (codes.size() > 3 ? ", ..." : "");
  }

  private static String extensions(List<Integer> codes) {
    List<String> names = new ArrayList<>();
    codes.forEach(code -> names.add(TlsExtension.label(code)));
    return String.join(", ", names);
  }

  /** Names come from the wire: control characters are shown as \xNN, not sent to the terminal. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
