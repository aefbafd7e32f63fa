package dev.wirelab.inspector.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import dev.wirelab.inspector.Packets;
import dev.wirelab.inspector.model.DecodedFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IPv4, TCP, UDP and ICMP checksums are verified as a receiver verifies them (TsharkAgreementTest
 * holds every verdict to tshark's with checksum checking on: over 3 000 of them in the corpus).
 */
class ChecksumTest {
  private final FrameDecoder decoder = new FrameDecoder(List.of());

  @Test
  void aRightChecksumIsCorrectAndAFlippedByteMakesItWrongWithTheRightValue() {
    byte[] frame =
        Packets.tcpFrame("10.0.0.1", 1234, "10.0.0.2", 80, 1, 0, Packets.SYN, new byte[] {1, 2, 3});
    DecodedFrame good = decoder.decode(1, 0, 0, frame.length, 1, frame.clone());
    frame[frame.length - 1] ^= 0x40;
    byte[] right =
        Packets.tcpFrame(
            "10.0.0.1", 1234, "10.0.0.2", 80, 1, 0, Packets.SYN, new byte[] {1, 2, 3 ^ 0x40});
    int expected = (right[14 + 20 + 16] & 0xFF) << 8 | (right[14 + 20 + 17] & 0xFF);

    DecodedFrame bad = decoder.decode(2, 0, 0, frame.length, 1, frame);

    assertThat(good.json())
        .containsEntry("ip.checksum.status", "good")
        .containsEntry("tcp.checksum.status", "good");
    assertThat(bad.json())
        .containsEntry("ip.checksum.status", "good")
        .containsEntry("tcp.checksum.status", "bad");
    String shouldBe = String.format(java.util.Locale.ROOT, "should be 0x%04x", expected);
    assertThat(bad.layers().get(2).fields())
        .anySatisfy(field -> assertThat(field.meaning()).startsWith("wrong, " + shouldBe));
  }

  @Test
  void aLoopbackCaptureExplainsChecksumOffload() {
    String layers =
        Inspector.run("--layers", "-c", "1", Inspector.capture("socketio.pcap").toString()).out();

    assertThat(layers)
        .contains(
            "Checksum: 0xfe30  (wrong, should be 0x395e: sent like this, or captured on the"
                + " sending host before its network card filled it in (checksum offload");
  }

  @Test
  void udpAndIcmpAreCheckedToo() {
    String dns =
        Inspector.run("--json", Inspector.capture("dns_query_response.pcapng").toString()).out();
    String ping = Inspector.run("--json", Inspector.capture("icmp_echo.pcapng").toString()).out();

    assertThat(dns).contains("\"udp.checksum.status\":\"good\"").doesNotContain("\"bad\"");
    assertThat(ping).contains("\"icmp.checksum.status\":\"good\"").doesNotContain("\"bad\"");
  }
}
