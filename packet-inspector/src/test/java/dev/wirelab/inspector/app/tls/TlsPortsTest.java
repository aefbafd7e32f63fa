package dev.wirelab.inspector.app.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Packets;
import dev.wirelab.inspector.decode.FrameDecoder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TLS is assumed on the well-known TLS ports, and on others only when --decode-as says so. */
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
  void aClientHelloIsDecodedOn443AndOnOtherPortsOnlyWhenDecodedAsTls() {
    assertThat(summary(443, Map.of())).endsWith("TLS ClientHello SNI example.com ALPN h2");
    assertThat(summary(853, Map.of())).as("DNS over TLS").contains("TLS ClientHello");
    assertThat(summary(4433, Map.of())).doesNotContain("TLS");
    assertThat(summary(4433, Map.of(4433, "tls")))
        .endsWith("TLS ClientHello SNI example.com ALPN h2");
    assertThat(summary(443, Map.of(443, "http"))).doesNotContain("TLS");
  }

  private static String summary(int port, Map<Integer, String> decodeAs) {
    FrameDecoder decoder =
        FrameDecoder.withInstalledDecoders(FrameDecoder.Detail.FIELDS).decodeAs(decodeAs);
    byte[] syn = Packets.tcpFrame("10.0.0.1", 40000, "10.0.0.2", port, 100, 0, 0x02, new byte[0]);
    byte[] hello =
        Packets.tcpFrame("10.0.0.1", 40000, "10.0.0.2", port, 101, 0, 0x18, CLIENT_HELLO);
    decoder.decode(1, 0, 0, syn.length, 1, syn);
    return decoder.decode(2, 0, 0, hello.length, 1, hello).summary();
  }
}
