package dev.wirelab.labs.lab08;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;

/**
 * Turns a {@link Frame} into the bytes RFC 6455 (section 5.2) puts on the wire, and back.
 *
 * <pre>
 *  byte 0: FIN | RSV1 RSV2 RSV3 | opcode (4 bits)
 *  byte 1: MASK | payload length (7 bits: 0-125, or 126 = "16-bit length follows", 127 = "64-bit")
 *  then:   the 2- or 8-byte extended length, if any; the 4-byte masking key, if MASK; the payload
 * </pre>
 */
public final class FrameCodec {
  /** Largest 7-bit length; 126 and 127 are not lengths but markers for the longer forms. */
  public static final int MAX_7_BIT_LENGTH = 125;

  public static final int MAX_16_BIT_LENGTH = 0xFFFF;

  /** A peer announcing more than this is refused rather than trusted with our memory. */
  public static final long MAX_PAYLOAD = 16 * 1024 * 1024;

  private FrameCodec() {}

  public static byte[] encode(Frame frame) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(frame.payload().length + 14);
    bytes.write((frame.fin() ? 0x80 : 0) | frame.opcode().code());
    int maskBit = frame.masked() ? 0x80 : 0;
    int length = frame.payload().length;
    if (length <= MAX_7_BIT_LENGTH) {
      bytes.write(maskBit | length);
    } else if (length <= MAX_16_BIT_LENGTH) {
      bytes.write(maskBit | 126);
      writeBigEndian(bytes, length, 2);
    } else {
      bytes.write(maskBit | 127);
      writeBigEndian(bytes, length, 8);
    }
    if (frame.masked()) {
      bytes.writeBytes(frame.maskKey());
    }
    bytes.writeBytes(mask(frame.payload(), frame.maskKey()));
    return bytes.toByteArray();
  }

  public static void write(Frame frame, OutputStream out) throws IOException {
    out.write(encode(frame));
    out.flush();
  }

  /** Reads exactly one frame; EOFException when the peer hangs up before or inside it. */
  public static Frame read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int first = data.readUnsignedByte();
    int second = data.readUnsignedByte();
    if ((first & 0x70) != 0) {
      throw new ProtocolException("RSV bits set without a negotiated extension");
    }
    boolean fin = (first & 0x80) != 0;
    Opcode opcode = Opcode.of(first & 0x0F);
    boolean masked = (second & 0x80) != 0;
    long length = second & 0x7F;
    if (length == 126) {
      length = data.readUnsignedShort();
    } else if (length == 127) {
      length = data.readLong();
    }
    if (length < 0 || length > MAX_PAYLOAD) {
      throw new ProtocolException(
          "frame announces " + length + " bytes, more than the " + MAX_PAYLOAD + " allowed");
    }
    byte[] maskKey = null;
    if (masked) {
      maskKey = new byte[4];
      data.readFully(maskKey);
    }
    byte[] payload = new byte[(int) length];
    data.readFully(payload);
    try {
      return new Frame(fin, opcode, maskKey, mask(payload, maskKey));
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(e.getMessage());
    }
  }

  /**
   * XORs byte i with key[i % 4]; doing it twice gives the original back, so this both masks and
   * unmasks. Clients must mask so that a proxy reading the stream as HTTP cannot be fooled by bytes
   * an attacker chose (RFC 6455, section 10.3).
   */
  static byte[] mask(byte[] payload, byte[] key) {
    if (key == null) {
      return payload.clone();
    }
    byte[] result = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      result[i] = (byte) (payload[i] ^ key[i % 4]);
    }
    return result;
  }

  private static void writeBigEndian(ByteArrayOutputStream bytes, long value, int width) {
    for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
      bytes.write((int) (value >>> shift) & 0xFF);
    }
  }
}
