package dev.wirelab.inspector.app.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds TLS records and hello messages byte by byte, as RFC 8446 lays them out, for tests. */
public final class TlsBytes {
  private TlsBytes() {}

  /** A record: type, version, 2-byte length, payload. */
  public static byte[] record(int type, int version, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(type);
    u16(out, version);
    u16(out, payload.length);
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** A handshake message: type, 3-byte length, body. */
  public static byte[] handshake(int type, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(type);
    out.write(body.length >> 16);
    out.write(body.length >> 8);
    out.write(body.length);
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A ClientHello body; {@code sni} null for none, empty lists leave the extension out. */
  public static byte[] clientHello(
      String sni, List<String> alpn, List<Integer> versions, List<Integer> suites) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u16(out, 0x0303);
    out.writeBytes(new byte[32]);
    out.write(32);
    out.writeBytes(new byte[32]);
    u16(out, suites.size() * 2);
    suites.forEach(suite -> u16(out, suite));
    out.write(1);
    out.write(0);
    ByteArrayOutputStream extensions = new ByteArrayOutputStream();
    if (sni != null) {
      byte[] name = sni.getBytes(StandardCharsets.US_ASCII);
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      u16(data, name.length + 3);
      data.write(0);
      u16(data, name.length);
      data.writeBytes(name);
      extension(extensions, 0, data.toByteArray());
    }
    if (!alpn.isEmpty()) {
      extension(extensions, 16, alpn(alpn));
    }
    if (!versions.isEmpty()) {
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      data.write(versions.size() * 2);
      versions.forEach(version -> u16(data, version));
      extension(extensions, 43, data.toByteArray());
    }
    u16(out, extensions.size());
    out.writeBytes(extensions.toByteArray());
    return out.toByteArray();
  }

  /** A ServerHello body; {@code selectedVersion} 0 leaves supported_versions out. */
  public static byte[] serverHello(int suite, int selectedVersion, List<String> alpn) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u16(out, 0x0303);
    out.writeBytes(new byte[32]);
    out.write(0);
    u16(out, suite);
    out.write(0);
    ByteArrayOutputStream extensions = new ByteArrayOutputStream();
    if (selectedVersion != 0) {
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      u16(data, selectedVersion);
      extension(extensions, 43, data.toByteArray());
    }
    if (!alpn.isEmpty()) {
      extension(extensions, 16, alpn(alpn));
    }
    u16(out, extensions.size());
    out.writeBytes(extensions.toByteArray());
    return out.toByteArray();
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] alpn(List<String> protocols) {
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    for (String protocol : protocols) {
      list.write(protocol.length());
      list.writeBytes(protocol.getBytes(StandardCharsets.US_ASCII));
    }
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    u16(data, list.size());
    data.writeBytes(list.toByteArray());
    return data.toByteArray();
  }

  private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
    u16(out, type);
    u16(out, data.length);
    out.writeBytes(data);
  }

  private static void u16(ByteArrayOutputStream out, int value) {
    out.write(value >> 8);
    out.write(value);
  }
}
