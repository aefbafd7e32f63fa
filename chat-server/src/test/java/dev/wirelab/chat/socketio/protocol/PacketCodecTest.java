package dev.wirelab.chat.socketio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacketCodecTest {

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  private static Packet decode(String text) throws ProtocolException {
    return new PacketDecoder(10).decode(text);
  }

  @Test
  void encodesEachPartOfTheHeaderOnlyWhenNeeded() throws Exception {
    assertThat(
            PacketEncoder.encode(
                    new Packet(PacketType.CONNECT, "/", Packet.NO_ACK, json("{\"sid\":\"abc\"}")))
                .text())
        .isEqualTo("0{\"sid\":\"abc\"}");
    assertThat(
            PacketEncoder.encode(new Packet(PacketType.DISCONNECT, "/admin", Packet.NO_ACK, null))
                .text())
        .isEqualTo("1/admin,");
    assertThat(
            PacketEncoder.encode(Packet.event("/", (ArrayNode) json("[\"hello\",1]"), 12)).text())
        .isEqualTo("212[\"hello\",1]");
    assertThat(PacketEncoder.encode(new Packet(PacketType.ACK, "/chat", 7, json("[]"))).text())
        .isEqualTo("3/chat,7[]");
  }

  @Test
  void decodesWhatItEncodes() throws Exception {
    Packet packet =
        Packet.event("/chat", (ArrayNode) json("[\"msg\",{\"a\":[true,null]},\"é\"]"), 42);
    Packet decoded = decode(PacketEncoder.encode(packet).text());
    assertThat(decoded).isEqualTo(packet);
  }

  @Test
  void movesBinaryValuesToAttachmentsAndBack() throws Exception {
    ArrayNode data =
        Json.MAPPER.createArrayNode().add("upload").add(BinaryNode.valueOf(new byte[] {1, 2, 3}));
    data.addObject().set("nested", BinaryNode.valueOf(new byte[] {4}));
    EncodedPacket encoded = PacketEncoder.encode(Packet.event("/", data, Packet.NO_ACK));

    assertThat(encoded.text())
        .isEqualTo(
            "52-[\"upload\",{\"_placeholder\":true,\"num\":0},"
                + "{\"nested\":{\"_placeholder\":true,\"num\":1}}]");
    assertThat(encoded.attachments()).containsExactly(new byte[] {1, 2, 3}, new byte[] {4});

    PacketDecoder decoder = new PacketDecoder(10);
    assertThat(decoder.decode(encoded.text())).isNull();
    assertThat(decoder.decode(encoded.attachments().get(0))).isNull();
    Packet decoded = decoder.decode(encoded.attachments().get(1));
    assertThat(decoded.type()).isEqualTo(PacketType.BINARY_EVENT);
    assertThat(decoded.data().get(1).binaryValue()).containsExactly(1, 2, 3);
    assertThat(decoded.data().get(2).get("nested").binaryValue()).containsExactly(4);
    assertThat(decoder.awaitingAttachments()).isFalse();
  }

  @Test
  void anAckWithBinaryBecomesABinaryAck() {
    ArrayNode data = Json.MAPPER.createArrayNode().add(BinaryNode.valueOf(new byte[] {9}));
    EncodedPacket encoded = PacketEncoder.encode(new Packet(PacketType.ACK, "/x", 3, data));
    assertThat(encoded.text()).isEqualTo("61-/x,3[{\"_placeholder\":true,\"num\":0}]");
  }

  @Test
  void encodingLeavesTheCallersTreeUntouched() {
    ArrayNode data = Json.MAPPER.createArrayNode().add("e").add(BinaryNode.valueOf(new byte[] {1}));
    PacketEncoder.encode(Packet.event("/", data, Packet.NO_ACK));
    assertThat(data.get(1).isBinary()).isTrue();
  }

  @Test
  void namespaceWithoutTrailingCommaEndsThePacket() throws Exception {
    Packet packet = decode("0/custom");
    assertThat(packet.namespace()).isEqualTo("/custom");
    assertThat(packet.data()).isNull();
  }

  @Test
  void connectCarriesTheAuthObject() throws Exception {
    assertThat(decode("0/custom,{\"token\":\"abc\"}").data().get("token").asText())
        .isEqualTo("abc");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // empty packet
        "abc", // unknown type
        "9[\"a\"]", // unknown type
        "2{}", // event payload not an array
        "2[]", // event without a name
        "2[\"connect\"]", // reserved event name
        "2[{\"a\":1}]", // event name not a string
        "2abc[\"message\"]", // bad ack id: not JSON either
        "299999999999999999[\"a\"]", // ack id beyond 2^53
        "2[\"a\"", // truncated JSON
        "2[\"a\"] trailing", // garbage after the JSON
        "3[1]", // ACK without id
        "31{}", // ACK payload not an array
        "0[1]", // CONNECT payload not an object
        "1{}", // DISCONNECT with payload
        "5[\"a\"]", // binary event without count
        "511-[\"a\"]", // too many attachments
        "01{}", // CONNECT with ack id
      })
  void rejectsMalformedPackets(String text) {
    assertThatThrownBy(() -> decode(text))
        .isInstanceOf(ProtocolException.class)
        .hasMessageNotContaining("\n");
  }

  @Test
  void rejectsAPlaceholderPointingPastTheAttachments() throws Exception {
    PacketDecoder decoder = new PacketDecoder(10);
    decoder.decode("51-[\"a\",{\"_placeholder\":true,\"num\":3}]");
    assertThatThrownBy(() -> decoder.decode(new byte[] {1}))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("num 3");
  }

  @Test
  void rejectsTextWhileAttachmentsAreAwaitedAndStrayBinaries() throws Exception {
    PacketDecoder decoder = new PacketDecoder(10);
    assertThatThrownBy(() -> decoder.decode(new byte[] {1}))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("without a binary packet");
    decoder.decode("51-[\"a\",{\"_placeholder\":true,\"num\":0}]");
    assertThatThrownBy(() -> decoder.decode("2[\"b\"]"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("1 binary attachment");
  }

  @Test
  void aBinaryPacketWithZeroAttachmentsIsCompleteAtOnce() throws Exception {
    Packet packet = decode("50-[\"a\"]");
    assertThat(packet.type()).isEqualTo(PacketType.BINARY_EVENT);
    assertThat(packet.data()).isEqualTo(json("[\"a\"]"));
  }

  @Test
  void anEncodedPacketKeepsItsAttachmentsImmutable() {
    EncodedPacket packet = new EncodedPacket("x", new java.util.ArrayList<>(List.of(new byte[1])));
    assertThatThrownBy(() -> packet.attachments().add(new byte[1]))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void jsonMayNestUpToTheDepthLimitAndNoDeeper() throws Exception {
    String deepest = "[".repeat(Json.MAX_DEPTH - 1) + "]".repeat(Json.MAX_DEPTH - 1);
    assertThat(decode("2[\"a\"," + deepest + "]").data().get(1).isArray()).isTrue();
    String tooDeep = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    assertThatThrownBy(() -> decode("2[\"a\"," + tooDeep + "]"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("1000")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anAckIdMayBeAnyIntegerAJavaScriptPeerCanCountTo() throws Exception {
    assertThat(decode("29007199254740991[\"a\"]").ackId()).isEqualTo(9_007_199_254_740_991L);
    assertThatThrownBy(() -> decode("29007199254740992[\"a\"]"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("ack id out of range: 9007199254740992");
  }
}
