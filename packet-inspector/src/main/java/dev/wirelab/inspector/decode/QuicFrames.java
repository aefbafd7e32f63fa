package dev.wirelab.inspector.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The frames of a decrypted Initial packet (RFC 9000 12.4, 19): only PADDING, PING, ACK, CRYPTO and
 * CONNECTION_CLOSE may appear there, so any other type means the decryption or the packet is wrong.
 */
final class QuicFrames {
  /** One CRYPTO frame: TLS handshake bytes at {@code offset} of the direction's stream. */
  record Crypto(long offset, byte[] data) {}

  /** One frame as the layer tree shows it. */
  record Shown(String name, String value, String meaning) {}

  final List<Crypto> crypto = new ArrayList<>(2);
  final List<Shown> shown = new ArrayList<>(4);
  private final Set<String> names = new LinkedHashSet<>();
  private final byte[] p;
  private int at;

  private QuicFrames(byte[] payload) {
    this.p = payload;
  }

  /** Parses the whole payload; throws if a frame runs past it or has a type Initial forbids. */
  static QuicFrames parse(byte[] payload) {
    QuicFrames frames = new QuicFrames(payload);
    while (frames.at < payload.length) {
      frames.next();
    }
    return frames;
  }

  /** The frame types in order of first appearance: "CRYPTO, ACK, PADDING". */
  String names() {
    return String.join(", ", names);
  }

  private void next() {
    long type = varint("frame type");
    if (type == 0) {
      int from = at - 1;
      while (at < p.length && p[at] == 0) {
        at++;
      }
      add(
          "PADDING",
          (at - from) + " bytes",
          "fills the datagram to 1200 bytes, against amplification");
    } else if (type == 1) {
      add("PING", "", "asks for an acknowledgement");
    } else if (type == 2 || type == 3) {
      long largest = varint("ACK largest acknowledged");
      varint("ACK delay");
      long ranges = varint("ACK range count");
      varint("ACK first range");
      for (long i = 0; i < ranges; i++) {
        varint("ACK gap");
        varint("ACK range length");
      }
      if (type == 3) {
        for (int i = 0; i < 3; i++) {
          varint("ACK ECN count");
        }
      }
      add("ACK", "largest " + largest, "packets of the other side received");
    } else if (type == 6) {
      long offset = varint("CRYPTO offset");
      int length = length(varint("CRYPTO length"), "CRYPTO data");
      crypto.add(new Crypto(offset, Arrays.copyOfRange(p, at, at + length)));
      at += length;
      add("CRYPTO", "offset " + offset + ", " + length + " bytes", "TLS handshake bytes");
    } else if (type == 0x1c || type == 0x1d) {
      long code = varint("CONNECTION_CLOSE error code");
      if (type == 0x1c) {
        varint("CONNECTION_CLOSE frame type");
      }
      int length = length(varint("CONNECTION_CLOSE reason length"), "CONNECTION_CLOSE reason");
      at += length;
      add("CONNECTION_CLOSE", "error " + code, "the sender ends the connection");
    } else {
      throw new MalformedFrameException(
          "QUIC frame type 0x" + Long.toHexString(type) + " is not allowed in an Initial packet");
    }
  }

  private void add(String name, String value, String meaning) {
    names.add(name);
    shown.add(new Shown(name, value, meaning));
  }

  private int length(long claimed, String what) {
    if (claimed > p.length - at) {
      throw new MalformedFrameException(
          what + " of " + claimed + " bytes runs past the packet (" + (p.length - at) + " left)");
    }
    return (int) claimed;
  }

  /** RFC 9000 16: the two top bits of the first byte give the size, 1, 2, 4 or 8 bytes. */
  private long varint(String what) {
    if (at >= p.length) {
      throw new MalformedFrameException("QUIC " + what + " missing at the end of the packet");
    }
    int size = 1 << ((p[at] & 0xff) >> 6);
    if (at + size > p.length) {
      throw new MalformedFrameException("QUIC " + what + " runs past the end of the packet");
    }
    long value = p[at] & 0x3f;
    for (int i = 1; i < size; i++) {
      value = (value << 8) | (p[at + i] & 0xff);
    }
    at += size;
    return value;
  }
}
