package dev.wirelab.inspector.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import dev.wirelab.inspector.Packets;
import dev.wirelab.inspector.model.DecodedFrame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DNS types by name, UTF-8 and escaped names, link-type names, abbreviated summaries. */
class SmallerItemsTest {
  private final FrameDecoder decoder = new FrameDecoder(List.of());

  @Test
  void dnsTypesAreNamedAndUtf8NamesAreText() {
    DecodedFrame frame = dnsQuery(13, "Luca\u2019s iMac".getBytes(StandardCharsets.UTF_8));

    assertThat(frame.summary()).endsWith("DNS query 0x0001 HINFO? Luca\u2019s iMac.local");
    assertThat(dnsQuery(48, "ripe".getBytes(StandardCharsets.US_ASCII)).summary())
        .endsWith("DNSKEY? ripe.local");
    assertThat(dnsQuery(252, "ripe".getBytes(StandardCharsets.US_ASCII)).summary())
        .endsWith("AXFR? ripe.local");
  }

  @Test
  void bytesThatAreNotTextAreEscapedAsInAMasterFile() {
    DecodedFrame frame = dnsQuery(1, new byte[] {'a', (byte) 0xFF, 7, 'b'});

    assertThat(frame.summary()).endsWith("A? a\\255\\007b.local");
  }

  @Test
  void aLinkTypeNotDecodedIsStillNamed() {
    DecodedFrame frame = decoder.decode(1, 0, 0, 4, 239, new byte[] {2, 0, 0, 0});

    assertThat(frame.summary()).isEqualTo("link type NFLOG (239, not decoded), length 4");
    assertThat(LinkLayer.name(189)).isEqualTo("USB_LINUX");
    assertThat(LinkLayer.name(9999)).isEqualTo("LINKTYPE_9999");
  }

  @Test
  void aBigResponseIsOneReadableLine() {
    String line =
        Inspector.run(Inspector.capture("gen_ipv4_fragments.pcap").toString()).out().split("\n")[1];

    assertThat(line)
        .contains("A 10.0.0.1, A 10.0.0.2, A 10.0.0.3 and 101 more answers")
        .hasSizeLessThan(200);
  }

  @Test
  void aBigTcpPacketWithTotalLengthZeroSaysSo() {
    byte[] ip =
        Packets.ipv4(
            "10.0.0.1",
            "10.0.0.2",
            6,
            1,
            0x4000,
            Packets.tcp(
                "10.0.0.1", 1234, "10.0.0.2", 80, 1, 1, Packets.ACK, 100, new byte[70_000]));
    ip[2] = 0;
    ip[3] = 0;
    byte[] frame = Packets.ethernetIpv4(ip);

    DecodedFrame decoded = decoder.decode(1, 0, 0, frame.length, 1, frame);

    assertThat(decoded.summary())
        .contains("length 70000")
        .endsWith("(IPv4 total length 0: a BIG TCP packet over 64 KiB, length from the frame)");
    assertThat(decoded.malformed()).isEmpty();
  }

  @Test
  void aFractionOfASecondThatIsTooBigIsSaid() throws Exception {
    java.nio.ByteBuffer file =
        java.nio.ByteBuffer.allocate(24 + 16 + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    file.putInt(0xA1B2C3D4)
        .putShort((short) 2)
        .putShort((short) 4)
        .putInt(0)
        .putInt(0)
        .putInt(65535)
        .putInt(101);
    file.putInt(1_700_000_000)
        .putInt(1_500_000)
        .putInt(4)
        .putInt(4)
        .put(new byte[] {0x45, 0, 0, 4});
    java.nio.file.Path capture = java.nio.file.Files.createTempFile("fraction", ".pcap");
    try {
      java.nio.file.Files.write(capture, file.array());
      String out = Inspector.run(capture.toString()).out();

      assertThat(out)
          .startsWith("1 22:13:21.500000 ")
          .contains("record 1's fraction of a second is 1500000 µs, not below one second");
    } finally {
      java.nio.file.Files.delete(capture);
    }
  }

  private DecodedFrame dnsQuery(int type, byte[] label) {
    ByteArrayOutputStream dns = new ByteArrayOutputStream();
    dns.writeBytes(new byte[] {0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0});
    dns.write(label.length);
    dns.writeBytes(label);
    dns.writeBytes(new byte[] {5, 'l', 'o', 'c', 'a', 'l', 0, 0, (byte) type, 0, 1});
    byte[] udp = Packets.udp("10.0.0.1", 5353, "224.0.0.251", 5353, dns.toByteArray());
    byte[] frame = Packets.ethernetIpv4(Packets.ipv4("10.0.0.1", "224.0.0.251", 17, 1, 0, udp));
    return decoder.decode(1, 0, 0, frame.length, 1, frame);
  }
}
