package dev.wirelab.chat.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text encoding of packets and of polling payloads, including what it must refuse. */
class PacketCodecTest {

  @Test
  void encodesTypeDigitThenData() {
    assertThat(PacketCodec.encode(Packet.message("hello"))).isEqualTo("4hello");
    assertThat(PacketCodec.encode(Packet.of(PacketType.PING))).isEqualTo("2");
    assertThat(PacketCodec.encode(Packet.text(PacketType.PONG, "probe"))).isEqualTo("3probe");
  }

  @Test
  void decodesEveryType() throws PacketParseException {
    for (PacketType type : PacketType.values()) {
      Packet packet = PacketCodec.decode(type.digit() + "data");
      assertThat(packet.type()).isEqualTo(type);
      assertThat(packet.text()).isEqualTo("data");
    }
  }

  @Test
  void payloadRoundTripKeepsOrderTextAndBinary() throws PacketParseException {
    List<Packet> packets =
        List.of(
            Packet.message("a\u001fb"),
            Packet.binary(new byte[] {1, 2, 3, 4}),
            Packet.of(PacketType.PING),
            Packet.message(""));

    String payload = PacketCodec.encodePayload(packets);
    List<Packet> decoded = PacketCodec.decodePayload(payload);

    assertThat(payload).isEqualTo("4a\u001fb\u001ebAQIDBA==\u001e2\u001e4");
    assertThat(decoded)
        .extracting(Packet::type)
        .containsExactly(
            PacketType.MESSAGE, PacketType.MESSAGE, PacketType.PING, PacketType.MESSAGE);
    assertThat(decoded.get(0).text()).isEqualTo("a\u001fb");
    assertThat(decoded.get(1).binary()).containsExactly(1, 2, 3, 4);
    assertThat(decoded.get(3).text()).isEmpty();
  }

  @Test
  void refusesUnknownTypeEmptyPacketAndBadBase64() {
    assertThatThrownBy(() -> PacketCodec.decode("abc"))
        .isInstanceOf(PacketParseException.class)
        .hasMessage("unknown packet type 'a'");
    assertThatThrownBy(() -> PacketCodec.decode("7"))
        .isInstanceOf(PacketParseException.class)
        .hasMessage("unknown packet type '7'");
    assertThatThrownBy(() -> PacketCodec.decodePayload("4ok\u001e"))
        .isInstanceOf(PacketParseException.class)
        .hasMessage("empty packet");
    assertThatThrownBy(() -> PacketCodec.decodePayload("b%%%"))
        .isInstanceOf(PacketParseException.class)
        .hasMessageStartingWith("bad base64");
    assertThatThrownBy(() -> PacketCodec.decode("\u0000"))
        .isInstanceOf(PacketParseException.class)
        .hasMessage("unknown packet type '\\u0000'");
  }

  @Test
  void pollingBodiesMustBeValidUtf8() throws PacketParseException {
    assertThat(PacketCodec.utf8("4☃".getBytes(StandardCharsets.UTF_8))).isEqualTo("4☃");
    assertThatThrownBy(() -> PacketCodec.utf8(new byte[] {'4', (byte) 0xc3, 0x28}))
        .isInstanceOf(PacketParseException.class)
        .hasMessage("invalid UTF-8");
  }

  @Test
  void binaryPacketsHaveNoPlainTextForm() {
    assertThatThrownBy(() -> PacketCodec.encode(Packet.binary(new byte[1])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
