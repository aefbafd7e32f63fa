package dev.wirelab.chat.socketio.cluster.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.socketio.cluster.ClusterMessage;
import dev.wirelab.chat.socketio.cluster.MessageType;
import dev.wirelab.chat.socketio.protocol.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stream entries and ids as the Node streams adapter writes and reads them. */
class StreamEntriesTest {

  @Test
  void aBroadcastIsJsonAndOneWithBytesIsBase64MsgPack() throws Exception {
    ObjectNode plain = Json.MAPPER.createObjectNode();
    plain.putObject("packet").put("type", 2).putArray("data").add("ev").add(1);
    Map<String, String> fields =
        StreamEntries.encode(new ClusterMessage(MessageType.BROADCAST, plain, "u1", "/"));
    assertThat(fields)
        .containsExactly(
            Map.entry("uid", "u1"),
            Map.entry("nsp", "/"),
            Map.entry("type", "3"),
            Map.entry("data", "{\"packet\":{\"type\":2,\"data\":[\"ev\",1]}}"));

    ObjectNode binary = Json.MAPPER.createObjectNode();
    binary.putArray("data").add(new byte[] {1, 2});
    String data =
        StreamEntries.encode(new ClusterMessage(MessageType.BROADCAST, binary, "u1", "/"))
            .get("data");
    // {data: [bin8 01 02]}: 81 a4 "data" 91 c4 02 01 02
    assertThat(data).isEqualTo("gaRkYXRhkcQCAQI=");
    ClusterMessage back =
        StreamEntries.decode(Map.of("uid", "u1", "nsp", "/", "type", "3", "data", data));
    assertThat(back.data().at("/data/0").binaryValue()).containsExactly(1, 2);
  }

  @Test
  void aMembershipMessageWithBytesStaysJson() {
    ObjectNode join = Json.MAPPER.createObjectNode();
    join.putArray("rooms").add(new byte[] {1});
    assertThat(
            StreamEntries.encode(new ClusterMessage(MessageType.SOCKETS_JOIN, join, "u", "/"))
                .get("data"))
        .startsWith("{");
  }

  @Test
  void malformedEntriesAreRefusedOrSkipped() {
    assertThat(StreamEntries.decode(Map.of("uid", "u", "nsp", "/", "type", "x"))).isNull();
    assertThat(StreamEntries.decode(Map.of("uid", "u", "nsp", "/", "type", "99"))).isNull();
    assertThatThrownBy(
            () -> StreamEntries.decode(Map.of("uid", "u", "nsp", "/", "type", "3", "data", "{")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> StreamEntries.decode(Map.of("uid", "u", "nsp", "/", "type", "3", "data", "!!")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void streamIdsParseCompareAndStep() {
    assertThat(StreamId.parse("1700000000000-5")).isEqualTo(new StreamId(1_700_000_000_000L, 5));
    assertThat(StreamId.parse("1700000000000-5").next()).hasToString("1700000000000-6");
    assertThat(StreamId.parse("2-0")).isGreaterThan(StreamId.parse("1-9"));
    assertThat(StreamId.parse("1-10")).isGreaterThan(StreamId.parse("1-9"));
    for (String bad :
        new String[] {null, "", "1", "1-", "-1", "a-1", "1-1-1", "99999999999999999999-0"}) {
      assertThat(StreamId.parse(bad)).as(bad).isNull();
    }
  }
}
