package dev.wirelab.inspector.decode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The protection of QUIC Initial packets (RFC 9001 5.2-5.4; version 2: RFC 9369 3.3): its keys come
 * from the client's first Destination Connection ID and a salt every implementation knows, so an
 * observer can remove it as well as the server. It hides nothing; it only keeps middleboxes from
 * reading the handshake by accident. Handshake and 1-RTT packets use keys from the TLS key
 * exchange, which only the two ends have.
 */
final class QuicInitialProtection {
  static final long VERSION_1 = 1;
  static final long VERSION_2 = 0x6b3343cfL;

  private static final byte[] SALT_V1 =
      HexFormat.of().parseHex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a");
  private static final byte[] SALT_V2 =
      HexFormat.of().parseHex("0dede3def700a6db819381be6e269dcbf9bd2ed9");

  /** AEAD_AES_128_GCM's tag, and the header protection sample: both 16 bytes. */
  static final int TAG = 16;

  private static final int SAMPLE = 16;

  /** One direction's Initial keys: AES-128-GCM key and IV, and the header protection key. */
  record Keys(byte[] key, byte[] iv, byte[] hp) {}

  /** A packet with its protection removed. */
  record Opened(long packetNumber, int packetNumberLength, byte[] payload) {}

  private QuicInitialProtection() {}

  /** Whether the Initial protection of {@code version} is known here (v1 and v2). */
  static boolean knows(long version) {
    return version == VERSION_1 || version == VERSION_2;
  }

  /**
   * The keys of the client's ({@code client}) or the server's Initial packets of a connection whose
   * client first sent {@code dcid}.
   */
  static Keys keys(long version, byte[] dcid, boolean client) {
    boolean v2 = version == VERSION_2;
    byte[] initial = hmac(v2 ? SALT_V2 : SALT_V1, dcid);
    byte[] secret = expandLabel(initial, client ? "client in" : "server in", 32);
    // Version 2 renames the labels so that a v1 implementation cannot read v2 by mistake.
    String prefix = v2 ? "quicv2 " : "quic ";
    return new Keys(
        expandLabel(secret, prefix + "key", 16),
        expandLabel(secret, prefix + "iv", 12),
        expandLabel(secret, prefix + "hp", 16));
  }

  /**
   * Removes header protection and decrypts the packet from {@code start} (its first byte) to {@code
   * end}; the packet number starts at {@code pnOffset}. {@code largest} is the highest packet
   * number seen so far in this direction (-1 for none), to expand the truncated one. Returns null
   * when the packet does not authenticate: not this connection's keys, or bytes changed.
   */
  static Opened open(Keys keys, byte[] data, int start, int pnOffset, int end, long largest) {
    if (end - pnOffset < 4 + SAMPLE) {
      return null;
    }
    byte[] mask =
        aesBlock(keys.hp(), Arrays.copyOfRange(data, pnOffset + 4, pnOffset + 4 + SAMPLE));
    int first = (data[start] & 0xff) ^ (mask[0] & 0x0f);
    int pnLength = (first & 3) + 1;
    if (end - pnOffset - pnLength < TAG) {
      return null;
    }
    byte[] header = Arrays.copyOfRange(data, start, pnOffset + pnLength);
    header[0] = (byte) first;
    long truncated = 0;
    for (int i = 0; i < pnLength; i++) {
      int at = pnOffset - start + i;
      header[at] ^= mask[1 + i];
      truncated = (truncated << 8) | (header[at] & 0xff);
    }
    long number = packetNumber(largest, truncated, pnLength * 8);
    byte[] nonce = keys.iv().clone();
    for (int i = 0; i < 8; i++) {
      nonce[nonce.length - 1 - i] ^= (byte) (number >>> (8 * i));
    }
    try {
      Cipher aead = Cipher.getInstance("AES/GCM/NoPadding");
      aead.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(keys.key(), "AES"),
          new GCMParameterSpec(TAG * 8, nonce));
      aead.updateAAD(header);
      int from = pnOffset + pnLength;
      return new Opened(number, pnLength, aead.doFinal(data, from, end - from));
    } catch (AEADBadTagException wrongKeysOrBytes) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM, which every Java 17 has, is missing", e);
    }
  }

  /**
   * RFC 9000 A.3: the full packet number is the one nearest to the next expected whose low bits are
   * the truncated ones.
   */
  static long packetNumber(long largest, long truncated, int bits) {
    long expected = largest + 1;
    long window = 1L << bits;
    long half = window / 2;
    long candidate = (expected & ~(window - 1)) | truncated;
    if (candidate <= expected - half && candidate < (1L << 62) - window) {
      return candidate + window;
    }
    if (candidate > expected + half && candidate >= window) {
      return candidate - window;
    }
    return candidate;
  }

  /** The header protection mask (RFC 9001 5.4.3): AES-ECB of the sample. */
  static byte[] aesBlock(byte[] key, byte[] block) {
    try {
      Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
      ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
      return ecb.doFinal(block);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES, which every Java 17 has, is missing", e);
    }
  }

  /** HKDF-Expand-Label of TLS 1.3 (RFC 8446 7.1) with an empty context, over HMAC-SHA256. */
  static byte[] expandLabel(byte[] secret, String label, int length) {
    byte[] name = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
    byte[] info = new byte[4 + name.length];
    info[0] = (byte) (length >> 8);
    info[1] = (byte) length;
    info[2] = (byte) name.length;
    System.arraycopy(name, 0, info, 3, name.length);
    // info ends with the context's length, 0. One HMAC block is enough: length <= 32.
    byte[] block = Arrays.copyOf(info, info.length + 1);
    block[info.length] = 1;
    return Arrays.copyOf(hmac(secret, block), length);
  }

  /** HMAC-SHA256; HKDF-Extract is HMAC keyed with the salt (RFC 5869 2.2). */
  static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256, which every Java 17 has, is missing", e);
    }
  }
}
