package dev.wirelab.inspector.decode;

import static dev.wirelab.inspector.app.tls.TlsBytes.concat;
import static dev.wirelab.inspector.decode.QuicPackets.longHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Packets;
import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.inspector.model.Layer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * QUIC Initial packets against the sample of RFC 9001 Appendix A (and RFC 9369 Appendix A for
 * version 2): the keys derived from the sample's connection id are the RFC's, the sample
 * ClientHello protected here with them comes out byte for byte as the RFC prints it, and the
 * inspector decrypts it back to the ClientHello's fields. Short headers get their connection id
 * from the long headers of the same connection.
 */
class QuicInitialTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SAMPLE_DCID = HEX.parseHex("8394c8f03e515708");

  /** RFC 9001 A.2: the client's CRYPTO frame; PADDING extends it to a 1162-byte payload. */
  private static final String CLIENT_CRYPTO_FRAME =
      "060040f1010000ed0303ebf8fa56f12939b9584a3896472ec40bb863cfd3e868"
          + "04fe3a47f06a2b69484c00000413011302010000c000000010000e00000b6578"
          + "616d706c652e636f6dff01000100000a00080006001d00170018001000070005"
          + "04616c706e000500050100000000003300260024001d00209370b2c9caa47fba"
          + "baf4559fedba753de171fa71f50f1ce15d43e994ec74d748002b000302030400"
          + "0d0010000e0403050306030203080408050806002d00020101001c0002400100"
          + "3900320408ffffffffffffffff05048000ffff07048000ffff08011001048000"
          + "75300901100f088394c8f03e51570806048000ffff";

  @Test
  void theKeysAreTheOnesRfc9001And9369Print() {
    assertKeys(
        QuicInitialProtection.keys(1, SAMPLE_DCID, true),
        "1f369613dd76d5467730efcbe3b1a22d",
        "fa044b2f42a3fd3b46fb255c",
        "9f50449e04a0e810283a1e9933adedd2");
    assertKeys(
        QuicInitialProtection.keys(1, SAMPLE_DCID, false),
        "cf3a5331653c364c88f0f379b6067e37",
        "0ac1493ca1905853b0bba03e",
        "c206b8d9b9f0f37644430b490eeaa314");
    assertKeys(
        QuicInitialProtection.keys(0x6b3343cfL, SAMPLE_DCID, true),
        "8b1a0bc121284290a29e0971b5cd045d",
        "91f73e2351d8fa91660e909f",
        "45b95e15235d6f45a6b19cbcb0294ba9");
    assertKeys(
        QuicInitialProtection.keys(0x6b3343cfL, SAMPLE_DCID, false),
        "82db637861d55e1d011f19ea71d5d2a7",
        "dd13c276499c0249d3310652",
        "edf6d05c83121201b436e16877593c3a");
  }

  @Test
  void theRfcSampleClientInitialIsBuiltAsPrintedAndDecodedBack() throws Exception {
    byte[] packet = protectedSample(0xc3, 1);
    String hex = HEX.formatHex(packet);
    assertThat(packet).hasSize(1200);
    // The RFC's protected packet: its header with the masked packet number, and its last bytes
    // (the authentication tag).
    assertThat(hex)
        .startsWith("c000000001088394c8f03e5157080000449e7b9aec34d1b1c98dd7689fb8ec11")
        .endsWith("e221af44860018ab0856972e194cd934");

    DecodedFrame frame = decode(List.of(packet)).get(0);
    assertThat(frame.malformed()).isEmpty();
    assertThat(frame.summary())
        .endsWith(
            "QUIC Initial v1 DCID 8394c8f03e515708 [decrypted: CRYPTO, PADDING]"
                + " TLS ClientHello SNI example.com ALPN alpn");
    assertThat(frame.json())
        .containsEntry("tls.handshake.type", List.of(1))
        .containsEntry("tls.handshake.sni", "example.com")
        .containsEntry("tls.handshake.alpn", List.of("alpn"))
        .containsEntry("tls.handshake.extensions.supported_version", List.of(0x0304));
    assertThat(fields(frame))
        .contains(
            "Packet number=2",
            "Frame CRYPTO=offset 0, 241 bytes",
            "Frame PADDING=917 bytes",
            "Server name (SNI)=example.com");
  }

  @Test
  void version2UsesItsOwnSaltAndLabels() throws Exception {
    byte[] packet = protectedSample(0xd3, 0x6b3343cfL);
    assertThat(HEX.formatHex(packet)).startsWith("d76b3343cf088394c8f03e5157080000449ea0c95e82");
    assertThat(decode(List.of(packet)).get(0).summary())
        .endsWith(
            "QUIC Initial v2 DCID 8394c8f03e515708 [decrypted: CRYPTO, PADDING]"
                + " TLS ClientHello SNI example.com ALPN alpn");
  }

  @Test
  void aChangedByteFailsAuthenticationAndIsSaidSo() throws Exception {
    byte[] packet = protectedSample(0xc3, 1);
    packet[600] ^= 1;
    DecodedFrame frame = decode(List.of(packet)).get(0);
    assertThat(frame.summary()).endsWith("QUIC Initial v1 DCID 8394c8f03e515708 (encrypted)");
    assertThat(frame.layers().get(frame.layers().size() - 1).fields())
        .anySatisfy(
            field ->
                assertThat(field.label() + "=" + field.value() + " " + field.meaning())
                    .startsWith("Decryption=not done")
                    .contains("did not authenticate"));
  }

  @Test
  void shortHeadersTakeTheLengthOfTheIdTheirReceiverChose() throws Exception {
    byte[] serverId = HEX.parseHex("0a0b0c0d0e");
    byte[] clientId = HEX.parseHex("0102");
    // The client's Initial (to the server) and the server's Handshake packet back, then a
    // short header each way.
    byte[] clientInitial = longHeader(0xc0, 1, SAMPLE_DCID, clientId, true, new byte[30]);
    byte[] serverHandshake = longHeader(0xe0, 1, clientId, serverId, false, new byte[30]);
    byte[] toServer = concat(new byte[] {0x40}, serverId, new byte[20]);
    byte[] toClient = concat(new byte[] {0x40}, clientId, new byte[20]);
    List<DecodedFrame> frames = decode(List.of(clientInitial, serverHandshake, toServer, toClient));

    assertThat(frames.get(2).summary())
        .endsWith("QUIC 1-RTT DCID 0a0b0c0d0e (short header) (encrypted)");
    assertThat(frames.get(2).json()).containsEntry("quic.dcid", "0a0b0c0d0e");
    assertThat(frames.get(3).summary()).endsWith("QUIC 1-RTT DCID 0102 (short header) (encrypted)");
    assertThat(frames.get(3).json()).containsEntry("quic.dcid", "0102");
  }

  @Test
  void withoutTheLongHeadersAShortHeadersIdStaysUnknown() {
    byte[] alone = concat(new byte[] {0x40}, new byte[24]);
    DecodedFrame frame = decode(List.of(alone)).get(0);
    assertThat(frame.summary()).endsWith("QUIC 1-RTT (short header) (encrypted)");
    assertThat(frame.json()).doesNotContainKey("quic.dcid");
  }

  @Test
  void theConnectionsRememberedAreBounded() {
    QuicConnections connections = new QuicConnections();
    QuicConnections.Connection first = connections.of("10.0.0.1.1", "10.0.0.2.443", false);
    for (int i = 2; i <= QuicConnections.MAX_CONNECTIONS + 1; i++) {
      connections.of("10.0.0.1." + i, "10.0.0.2.443", false);
    }
    assertThat(connections.of("10.0.0.1.1", "10.0.0.2.443", false)).isNotSameAs(first);
  }

  @Test
  void cryptoFramesArePutInOrderAndRetransmissionsDropped() {
    QuicConnections.Side side = new QuicConnections.Side();
    assertThat(side.crypto(3, new byte[] {4, 5})).isEmpty();
    assertThat(side.crypto(0, new byte[] {1, 2, 3})).containsExactly(1, 2, 3, 4, 5);
    assertThat(side.crypto(0, new byte[] {1, 2, 3})).isEmpty();
    assertThat(side.crypto(4, new byte[] {5, 6})).containsExactly(6);
  }

  private static void assertKeys(
      QuicInitialProtection.Keys keys, String key, String iv, String hp) {
    assertThat(HEX.formatHex(keys.key())).isEqualTo(key);
    assertThat(HEX.formatHex(keys.iv())).isEqualTo(iv);
    assertThat(HEX.formatHex(keys.hp())).isEqualTo(hp);
  }

  /**
   * RFC 9001 A.2's client Initial: the unprotected header (4-byte packet number 2, Length 1182),
   * the CRYPTO frame padded to 1162 bytes, AES-128-GCM with the client keys, then header protection
   * from the ciphertext sample, the way a client builds it.
   */
  private static byte[] protectedSample(int firstByte, long version) throws Exception {
    byte[] header =
        concat(
            new byte[] {(byte) firstByte},
            HEX.parseHex(String.format("%08x", version)),
            new byte[] {8},
            SAMPLE_DCID,
            HEX.parseHex("0000449e00000002"));
    byte[] payload = Arrays.copyOf(HEX.parseHex(CLIENT_CRYPTO_FRAME), 1162);
    QuicInitialProtection.Keys keys = QuicInitialProtection.keys(version, SAMPLE_DCID, true);
    byte[] nonce = keys.iv().clone();
    nonce[11] ^= 2;
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(keys.key(), "AES"),
        new GCMParameterSpec(128, nonce));
    gcm.updateAAD(header);
    byte[] packet = concat(header, gcm.doFinal(payload));
    int pnOffset = header.length - 4;
    Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
    ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.hp(), "AES"));
    byte[] mask = ecb.doFinal(packet, pnOffset + 4, 16);
    packet[0] ^= (byte) (mask[0] & 0x0f);
    for (int i = 0; i < 4; i++) {
      packet[pnOffset + i] ^= mask[1 + i];
    }
    return packet;
  }

  /** Each datagram from the client's port 50000 to 443, or back when it is a server's packet. */
  private static List<DecodedFrame> decode(List<byte[]> datagrams) {
    FrameDecoder decoder = new FrameDecoder(List.of());
    List<DecodedFrame> frames = new ArrayList<>();
    boolean toServer = true;
    for (byte[] quic : datagrams) {
      // Long headers alternate by test design; short headers: the first goes to the server.
      String src = toServer ? "10.0.0.1" : "10.0.0.2";
      String dst = toServer ? "10.0.0.2" : "10.0.0.1";
      byte[] frame =
          Packets.ethernetIpv4(
              Packets.ipv4(
                  src,
                  dst,
                  17,
                  1,
                  0,
                  Packets.udp(src, toServer ? 50000 : 443, dst, toServer ? 443 : 50000, quic)));
      frames.add(decoder.decode(frames.size() + 1, 0, 0, frame.length, 1, frame));
      toServer = !toServer;
    }
    return frames;
  }

  private static List<String> fields(DecodedFrame frame) {
    List<String> all = new ArrayList<>();
    for (Layer layer : frame.layers()) {
      layer.fields().forEach(field -> all.add(field.label() + "=" + field.value()));
    }
    return all;
  }
}
