package dev.wirelab.inspector.app.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wirelab.inspector.decode.MalformedFrameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocketIoParserTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0|SIO CONNECT /",
        "0/admin,{\"token\":\"t\"}|SIO CONNECT /admin {\"token\":\"t\"}",
        "1/chat,|SIO DISCONNECT /chat",
        "2[\"hello\",1]|SIO EVENT / \"hello\" [1]",
        "2/chat,12[\"message\",\"hi\"]|SIO EVENT /chat \"message\" id=12 [\"hi\"]",
        "3/chat,12[\"ok\"]|SIO ACK /chat id=12 [\"ok\"]",
        "4{\"message\":\"Not authorized\"}|SIO CONNECT_ERROR / {\"message\":\"Not authorized\"}",
        "51-[\"upload\",{\"_placeholder\":true,\"num\":0}]|SIO BINARY_EVENT / \"upload\" [{\"_placeholder\":true,\"num\":0}]",
        "61-/chat,7[{\"_placeholder\":true,\"num\":0}]|SIO BINARY_ACK /chat id=7 [{\"_placeholder\":true,\"num\":0}]"
      })
  void everyPacketTypeParses(String wire, String meaning) {
    assertThat(SocketIoReporter.meaning(SocketIoParser.parse(wire))).isEqualTo(meaning);
  }

  @Test
  void binaryAttachmentsReplaceTheirPlaceholders() {
    SocketIoBinaryAssembler assembler = new SocketIoBinaryAssembler();
    SocketIoPacket packet =
        SocketIoParser.parse(
            "52-[\"pair\",{\"_placeholder\":true,\"num\":1},{\"_placeholder\":true,\"num\":0}]");

    assertThat(assembler.start(packet)).isNull();
    assertThat(assembler.attach(new byte[3])).isNull();
    SocketIoPacket done = assembler.attach(new byte[7]);

    assertThat(done.args()).hasToString("[\"<binary 7 bytes>\",\"<binary 3 bytes>\"]");
    assertThat(assembler.waiting()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "7|Socket.IO packet type is not a digit 0-6",
        "2|Socket.IO EVENT data must be a non-empty array",
        "2[]|Socket.IO EVENT data must be a non-empty array",
        "3[1]|Socket.IO ACK needs an ack id and an array",
        "5[\"x\"]|Socket.IO binary packet without '<attachments>-'",
        "1{}|Socket.IO DISCONNECT carries no data",
        "0[1]|Socket.IO CONNECT data must be an object"
      })
  void brokenPacketsAreMalformedWithAReason(String wire, String reason) {
    assertThatThrownBy(() -> SocketIoParser.parse(wire))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessage(reason);
  }

  @Test
  void brokenJsonIsMalformed() {
    assertThatThrownBy(() -> SocketIoParser.parse("2[\"a\","))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageStartingWith("Socket.IO data is not JSON");
    assertThatThrownBy(() -> SocketIoParser.parse("2[\"a\"] trailing"))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageStartingWith("Socket.IO data is not JSON");
  }
}
