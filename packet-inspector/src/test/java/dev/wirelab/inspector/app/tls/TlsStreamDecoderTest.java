package dev.wirelab.inspector.app.tls;

import static dev.wirelab.inspector.app.tls.TlsBytes.concat;
import static dev.wirelab.inspector.app.tls.TlsBytes.handshake;
import static dev.wirelab.inspector.app.tls.TlsBytes.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.app.ChunkContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records and handshake messages cut and joined as TCP delivers them, built byte by byte. */
class TlsStreamDecoderTest {
  private static final int TLS12 = 0x0303;
  private static final byte[] CLIENT_HELLO =
      handshake(
          1,
          TlsBytes.clientHello(
              "example.com",
              List.of("h2", "http/1.1"),
              List.of(0x0a0a, 0x0304, 0x0303),
              List.of(0x1301, 0x1302, 0xc02f)));

  private final TlsSession session = new TlsSession();
  private final TlsStreamDecoder client = new TlsStreamDecoder(session, 0);
  private final TlsStreamDecoder server = new TlsStreamDecoder(session, 1);

  @Test
  void helloBuiltFromItsFieldsParsesBackToThem() {
    byte[] body = Arrays.copyOfRange(CLIENT_HELLO, 4, CLIENT_HELLO.length);
    ClientHello hello = ClientHello.parse(body, 0, body.length);
    assertThat(hello.serverName()).isEqualTo("example.com");
    assertThat(hello.alpn()).containsExactly("h2", "http/1.1");
    assertThat(hello.supportedVersions()).containsExactly(0x0a0a, 0x0304, 0x0303);
    assertThat(hello.cipherSuites()).containsExactly(0x1301, 0x1302, 0xc02f);
    assertThat(hello.extensions()).containsExactly(0, 16, 43);

    byte[] reply = TlsBytes.serverHello(0x1301, 0x0304, List.of());
    ServerHello chosen = ServerHello.parse(reply, 0, reply.length);
    assertThat(chosen.legacyVersion()).isEqualTo(TLS12);
    assertThat(chosen.version()).as("supported_versions wins").isEqualTo(0x0304);
    assertThat(chosen.cipherSuite()).isEqualTo(0x1301);
    assertThat(chosen.helloRetryRequest()).isFalse();
  }

  @Test
  void aRecordCutIntoManySegmentsIsDecodedOnTheLastOne() {
    byte[] stream = record(22, 0x0301, CLIENT_HELLO);
    for (int i = 0; i < stream.length - 1; i++) {
      AppFindings findings = feed(client, stream, i, 1, i == 0);
      assertThat(findings.fields()).as("byte " + i).doesNotContainKey("tls.handshake.type");
      assertThat(findings.meanings())
          .containsExactly(
              i < 4
                  ? "TLS record header continues (" + (i + 1) + " of 5 bytes so far)"
                  : "TLS Handshake record continues ("
                      + (i - 4)
                      + " of "
                      + CLIENT_HELLO.length
                      + " bytes so far)");
    }
    AppFindings last = feed(client, stream, stream.length - 1, 1, false);

    assertThat(last.meanings()).containsExactly("TLS ClientHello SNI example.com ALPN h2,http/1.1");
    assertThat(last.fields())
        .containsEntry("tls.record.content_type", List.of(22))
        .containsEntry("tls.record.version", List.of(0x0301))
        .containsEntry("tls.handshake.type", List.of(1))
        .containsEntry("tls.handshake.sni", "example.com")
        .containsEntry("tls.handshake.alpn", List.of("h2", "http/1.1"))
        .containsEntry(
            "tls.handshake.extensions.supported_version", List.of(0x0a0a, 0x0304, 0x0303));
  }

  @Test
  void severalRecordsInOneSegmentAfterATls13ServerHello() {
    byte[] flight =
        concat(
            record(22, TLS12, handshake(2, TlsBytes.serverHello(0x1301, 0x0304, List.of()))),
            record(20, TLS12, new byte[] {1}),
            record(23, TLS12, new byte[100]),
            record(23, TLS12, new byte[200]));

    AppFindings findings = feed(server, flight, 0, flight.length, true);

    assertThat(findings.meanings())
        .containsExactly(
            "TLS ServerHello TLS 1.3 TLS_AES_128_GCM_SHA256, Change Cipher Spec,"
                + " Application Data 300 bytes in 2 records (encrypted)");
    assertThat(findings.fields())
        .containsEntry("tls.record.content_type", List.of(22, 20))
        .containsEntry("tls.record.opaque_type", List.of(23, 23))
        .containsEntry("tls.record.version", List.of(TLS12, TLS12, TLS12, TLS12))
        .containsEntry("tls.handshake.ciphersuite", List.of(0x1301));
    assertThat(findings.details())
        .anySatisfy(
            detail ->
                assertThat(detail.meaning())
                    .contains("keys only the two ends derive")
                    .contains("TLS 1.3"));
  }

  @Test
  void aHandshakeMessageAcrossRecordsIsReportedWhenItsLastPartArrives() {
    byte[] first = Arrays.copyOfRange(CLIENT_HELLO, 0, 40);
    byte[] second = Arrays.copyOfRange(CLIENT_HELLO, 40, CLIENT_HELLO.length);

    AppFindings one = feed(client, record(22, 0x0301, first), 0, 45, true);
    AppFindings two = feed(client, record(22, 0x0301, second), 0, second.length + 5, true);

    assertThat(one.fields()).containsEntry("tls.record.content_type", List.of(22));
    assertThat(one.fields()).doesNotContainKey("tls.handshake.type");
    assertThat(one.meanings()).containsExactly("TLS ClientHello continues in the next record");
    assertThat(two.fields()).containsEntry("tls.handshake.type", List.of(1));
    assertThat(two.meanings()).containsExactly("TLS ClientHello SNI example.com ALPN h2,http/1.1");
  }

  @Test
  void afterChangeCipherSpecTls12HandshakeAndAlertsAreEncrypted() {
    byte[] tls12Hello = handshake(2, TlsBytes.serverHello(0xc02f, 0, List.of("http/1.1")));
    feed(server, record(22, TLS12, tls12Hello), 0, tls12Hello.length + 5, true);
    byte[] stream =
        concat(
            record(20, TLS12, new byte[] {1}),
            record(22, TLS12, new byte[40]),
            record(21, TLS12, new byte[26]));

    AppFindings findings = feed(server, stream, 0, stream.length, true);

    assertThat(findings.meanings())
        .containsExactly("TLS Change Cipher Spec, Encrypted Handshake Message, Encrypted Alert");
    assertThat(findings.fields()).doesNotContainKey("tls.handshake.type");
    assertThat(findings.fields()).containsEntry("tls.record.content_type", List.of(20, 22, 21));
  }

  @Test
  void serverHelloNamesKnownSuitesAndShowsOthersInHex() {
    byte[] hello = handshake(2, TlsBytes.serverHello(0x1337, 0, List.of()));
    AppFindings findings = feed(server, record(22, TLS12, hello), 0, hello.length + 5, true);
    assertThat(findings.meanings()).containsExactly("TLS ServerHello TLS 1.2 0x1337");

    byte[] alert = record(21, TLS12, new byte[] {2, 40});
    assertThat(feed(server, alert, 0, alert.length, true).meanings())
        .containsExactly("TLS Alert fatal handshake failure");
  }

  @Test
  void garbageIsMalformedAndTheNextSegmentStartingARecordIsDecodedAgain() {
    byte[] junk = {0x47, 0x45, 0x54, 0x20, 0x2f, 0x20};
    AppFindings bad = feed(client, concat(record(23, TLS12, new byte[3]), junk), 0, 14, true);
    assertThat(bad.malformedReasons())
        .containsExactly("TLS record: content type 71 is not a TLS record type");

    AppFindings skipped = feed(client, new byte[] {1, 2, 3}, 0, 3, false);
    assertThat(skipped.meanings()).containsExactly("TLS data, no record starts here");

    byte[] good = record(23, TLS12, new byte[10]);
    assertThat(feed(client, good, 0, good.length, true).meanings())
        .containsExactly("TLS Application Data 10 bytes (encrypted)");
  }

  @Test
  void aRecordLongerThanTheLimitIsMalformed() {
    byte[] header = {23, 3, 3, (byte) 0x48, 1};
    assertThat(feed(client, header, 0, 5, true).malformedReasons())
        .containsExactly("TLS record: length 18433 is over the limit of 18432 bytes");
  }

  private static AppFindings feed(
      TlsStreamDecoder decoder, byte[] b, int off, int len, boolean packetStart) {
    AppFindings findings = new AppFindings();
    int used = decoder.decode(b, off, len, new ChunkContext(findings, packetStart, false));
    assertThat(used).isEqualTo(len);
    return findings;
  }
}
