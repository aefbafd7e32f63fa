package dev.wirelab.inspector.decode;

import java.io.ByteArrayOutputStream;

/** QUIC long headers built byte by byte (RFC 9000 17.2), for the QUIC decoder's tests. */
final class QuicPackets {
  private QuicPackets() {}

  /** The first byte, the 4-byte version and both connection ids with their lengths. */
  static byte[] longHeaderStart(int first, long version, byte[] dcid, byte[] scid) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(first);
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write((int) (version >> shift));
    }
    out.write(dcid.length);
    out.writeBytes(dcid);
    out.write(scid.length);
    out.writeBytes(scid);
    return out.toByteArray();
  }

  /** A long header with (for Initial) an empty token and a 2-byte varint Length, then payload. */
  static byte[] longHeader(
      int first, long version, byte[] dcid, byte[] scid, boolean token, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(longHeaderStart(first, version, dcid, scid));
    if (token) {
      out.write(0);
    }
    out.write(0x40 | (payload.length >> 8));
    out.write(payload.length);
    out.writeBytes(payload);
    return out.toByteArray();
  }
}
