package dev.wirelab.inspector.app.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Packets;
import dev.wirelab.inspector.decode.FrameDecoder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TLS is assumed on the well-known TLS ports, on others when --decode-as says so or the client's
 * first segment is a ClientHello; not on a port decoded as something else.
 */
class TlsPortsTest {
  private static final byte[] CLIENT_HELLO =
      TlsBytes.record(
          22,
          0x0301,
          TlsBytes.handshake(
              1,
              TlsBytes.clientHello(
                  "example.com", List.of("h2"), List.of(0x0304), List.of(0x1301))));

  @Test
  void aClientHelloIsDecodedOnTlsPortsAndRecognisedOnOthers() {
    assertThat(summary(443, Map.of(), CLIENT_HELLO))
        .endsWith("TLS ClientHello SNI example.com ALPN h2");
    assertThat(summary(853, Map.of(), CLIENT_HELLO)).as("DNS over TLS").contains("TLS ClientHello");
    assertThat(summary(4433, Map.of(), CLIENT_HELLO))
        .as("openssl s_server's port, by content")
        .endsWith("TLS ClientHello SNI example.com ALPN h2");
    assertThat(summary(443, Map.of(443, "http"), CLIENT_HELLO)).doesNotContain("TLS");
  }

  @Test
  void otherRecordsAreTlsOnlyOnTlsPortsOrWhenDecodedAsTls() {
    byte[] data = TlsBytes.record(23, 0x0303, new byte[30]);
    assertThat(summary(4433, Map.of(), data)).doesNotContain("TLS");
    assertThat(summary(4433, Map.of(4433, "tls"), data))
        .endsWith("TLS Application Data 30 bytes (encrypted)");
    assertThat(summary(443, Map.of(), data)).endsWith("TLS Application Data 30 bytes (encrypted)");
  }

  private static String summary(int port, Map<Integer, String> decodeAs, byte[] payload) {
    FrameDecoder decoder =
        FrameDecoder.withInstalledDecoders(FrameDecoder.Detail.FIELDS).decodeAs(decodeAs);
    byte[] syn = Packets.tcpFrame("10.0.0.1", 40000, "10.0.0.2", port, 100, 0, 0x02, new byte[0]);
    byte[] data = Packets.tcpFrame("10.0.0.1", 40000, "10.0.0.2", port, 101, 0, 0x18, payload);
    decoder.decode(1, 0, 0, syn.length, 1, syn);
    return decoder.decode(2, 0, 0, data.length, 1, data).summary();
  }
}
