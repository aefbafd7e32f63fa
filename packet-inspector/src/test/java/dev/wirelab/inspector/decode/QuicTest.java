package dev.wirelab.inspector.decode;

import static dev.wirelab.inspector.app.tls.TlsBytes.concat;
import static dev.wirelab.inspector.decode.QuicPackets.longHeader;
import static dev.wirelab.inspector.decode.QuicPackets.longHeaderStart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import dev.wirelab.inspector.Packets;
import dev.wirelab.inspector.model.DecodedFrame;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QUIC headers on UDP 443: the public capture prints the reviewed dumps, packets built byte by byte
 * (coalesced, Retry, Version Negotiation, version 2) decode back to their fields, and random bytes
 * give nothing but the inspector's own malformed reasons.
 */
class QuicTest {
  private static final byte[] DCID = {1, 2, 3, 4, 5, 6, 7, 8};
  private static final byte[] SCID = {9, 10, 11, 12};

  @ParameterizedTest
  @ValueSource(strings = {"summary", "layers"})
  void theTruncatedHandshakeCapturePrintsTheReviewedDump(String mode) throws Exception {
    String file = Inspector.capture("quic_handshake_truncated.pcap").toString();
    Inspector.Result result =
        mode.equals("layers") ? Inspector.run("--layers", file) : Inspector.run(file);
    assertThat(result.exitCode()).as(result.err()).isZero();
    try (InputStream golden =
        QuicTest.class.getResourceAsStream(
            "/golden/quic_handshake_truncated.pcap." + mode + ".txt")) {
      assertThat(result.out()).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void coalescedInitialAndHandshakeAreBothShown() {
    byte[] datagram =
        concat(
            longHeader(0xc0, 1, DCID, SCID, true, new byte[40]),
            longHeader(0xe0, 1, DCID, SCID, false, new byte[30]));
    DecodedFrame frame = decode(datagram);

    assertThat(frame.summary())
        .endsWith(
            "QUIC Initial v1 DCID 0102030405060708 SCID 090a0b0c,"
                + " Handshake v1 DCID 0102030405060708 SCID 090a0b0c (encrypted)");
    assertThat(frame.json())
        .containsEntry("quic.header_form", 1)
        .containsEntry("quic.version", 1L)
        .containsEntry("quic.long.packet_type", 0)
        .containsEntry("quic.dcid", "0102030405060708")
        .containsEntry("quic.length", 40L);
    assertThat(frame.isMalformed()).isFalse();
  }

  @Test
  void retryVersionNegotiationVersion2AndShortHeaders() {
    byte[] retry = concat(longHeaderStart(0xf0, 1, DCID, SCID), new byte[24]);
    assertThat(decode(retry).summary())
        .endsWith("QUIC Retry v1 DCID 0102030405060708 SCID 090a0b0c (encrypted)");

    byte[] negotiation = concat(longHeaderStart(0x80, 0, DCID, SCID), new byte[] {0, 0, 0, 1});
    DecodedFrame vn = decode(negotiation);
    assertThat(vn.summary()).contains("QUIC Version Negotiation DCID");
    assertThat(vn.layers().get(vn.layers().size() - 1).fields())
        .anySatisfy(f -> assertThat(f.label() + "=" + f.value()).isEqualTo("Supported versions=1"));

    // RFC 9369: in version 2 the bits 01 mean Initial.
    byte[] v2Initial = longHeader(0xd0, 0x6b3343cfL, DCID, SCID, true, new byte[20]);
    assertThat(decode(v2Initial).summary()).contains("QUIC Initial v2 DCID");

    byte[] shortHeader = concat(new byte[] {0x40}, DCID, new byte[30]);
    DecodedFrame oneRtt = decode(shortHeader);
    assertThat(oneRtt.summary()).endsWith("QUIC 1-RTT (short header) (encrypted)");
    assertThat(oneRtt.json()).containsEntry("quic.header_form", 0);
  }

  @Test
  void aTokenLongerThanThePacketIsMalformed() {
    byte[] packet = concat(longHeaderStart(0xc0, 1, DCID, SCID), new byte[] {0x44, 0, 1, 2});
    assertThat(decode(packet).malformed())
        .containsExactly("QUIC token needs 1024 bytes, only 2 present");
  }

  @Test
  void randomBytesOnUdp443GiveOnlyMalformedReasons() {
    Random random = new Random(20261202L);
    List<String> unexpected = new ArrayList<>();
    int malformed = 0;
    for (int i = 0; i < 20000; i++) {
      byte[] payload = new byte[random.nextInt(120)];
      random.nextBytes(payload);
      if (payload.length > 0 && random.nextBoolean()) {
        payload[0] |= (byte) 0xc0;
      }
      if (payload.length > 5 && random.nextBoolean()) {
        payload[1] = 0;
        payload[2] = 0;
        payload[3] = 0;
        payload[4] = 1;
      }
      try {
        malformed += decode(payload).isMalformed() ? 1 : 0;
      } catch (RuntimeException bug) {
        unexpected.add(bug.toString());
      }
    }
    assertThat(unexpected).isEmpty();
    assertThat(malformed).as("random headers reach the length checks").isPositive();
  }

  private static DecodedFrame decode(byte[] quic) {
    byte[] frame =
        Packets.ethernetIpv4(
            Packets.ipv4(
                "10.0.0.1",
                "10.0.0.2",
                17,
                1,
                0,
                Packets.udp("10.0.0.1", 50000, "10.0.0.2", 443, quic)));
    return new FrameDecoder(List.of()).decode(1, 0, 0, frame.length, 1, frame);
  }
}
