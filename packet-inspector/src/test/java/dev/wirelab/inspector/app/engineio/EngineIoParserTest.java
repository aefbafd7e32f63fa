package dev.wirelab.inspector.app.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wirelab.inspector.decode.MalformedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineIoParserTest {
  @Test
  void textPacketsCarryTypeDigitAndData() {
    assertThat(EngineIoParser.parseText("2probe"))
        .satisfies(
            p -> {
              assertThat(p.type()).isEqualTo(EngineIoPacketType.PING);
              assertThat(p.text()).isEqualTo("probe");
              assertThat(EngineIoReporter.meaning(p)).isEqualTo("EIO ping \"probe\"");
            });
    assertThat(EngineIoReporter.meaning(EngineIoParser.parseText("6"))).isEqualTo("EIO noop");
    assertThat(EngineIoParser.parseText("4hello").type()).isEqualTo(EngineIoPacketType.MESSAGE);
  }

  @Test
  void pollingPayloadSplitsOnRecordSeparatorAndDecodesBase64Binary() {
    byte[] body = "0{\"sid\":\"a\"}\u001e40\u001ebAQID".getBytes(StandardCharsets.UTF_8);

    List<EngineIoPacket> packets = EngineIoParser.parsePayload(body);

    assertThat(packets)
        .extracting(EngineIoPacket::type)
        .containsExactly(
            EngineIoPacketType.OPEN, EngineIoPacketType.MESSAGE, EngineIoPacketType.MESSAGE);
    assertThat(packets.get(2).binary()).containsExactly(1, 2, 3);
  }

  @Test
  void badPacketsAreMalformed() {
    assertThatThrownBy(() -> EngineIoParser.parseText("9x"))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessage("Engine.IO packet type '9' is not 0-6");
    assertThatThrownBy(
            () -> EngineIoParser.parsePayload("2\u001e".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessage("empty Engine.IO packet");
    assertThatThrownBy(() -> EngineIoParser.parsePayload("b!!".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageStartingWith("Engine.IO binary packet is not valid base64");
  }
}
