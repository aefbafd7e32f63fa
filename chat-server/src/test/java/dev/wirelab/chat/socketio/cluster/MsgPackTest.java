package dev.wirelab.chat.socketio.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.node.NodeScript;
import dev.wirelab.chat.socketio.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The codec against notepack.io 3 itself (the Node Redis adapter's codec, from the cluster test
 * folder): the same value gives the same bytes, and what notepack writes reads back as the tree.
 */
class MsgPackTest {
  /** A classic broadcast as the Node adapter publishes it, with every kind of value in it. */
  private static JsonNode broadcast() {
    ArrayNode message = Json.MAPPER.createArrayNode().add("uKx9Qz");
    ObjectNode packet = message.addObject().put("type", 2);
    packet
        .putArray("data")
        .add("news")
        .add(-1)
        .add(-33)
        .add(-200)
        .add(127)
        .add(128)
        .add(65_536)
        .add(5_000_000_000L)
        .add(1.5)
        .add(true)
        .add(false)
        .addNull()
        .add("é".repeat(40))
        .add(new byte[] {0, 1, (byte) 0xff})
        .addObject()
        .put("k", "v")
        .putArray("list")
        .add(1);
    packet.put("nsp", "/chat");
    ObjectNode opts = message.addObject();
    opts.putArray("rooms").add("room-a");
    opts.putArray("except").add("muted");
    opts.putObject("flags");
    return message;
  }

  /** The same value in JavaScript, binary as a Buffer. */
  private static final String JS_VALUE =
      "['uKx9Qz', {type: 2, data: ['news', -1, -33, -200, 127,"
          + " 128, 65536, 5000000000, 1.5, true, false, null, 'é'.repeat(40), Buffer.from([0, 1,"
          + " 255]), {k: 'v', list: [1]}], nsp: '/chat'}, {rooms: ['room-a'], except: ['muted'],"
          + " flags: {}}]";

  @Test
  void encodesExactlyTheBytesNotepackWritesAndReadsThemBack() throws Exception {
    Process node =
        NodeScript.start(
            "cluster",
            "notepack.io",
            "-e",
            "process.stdout.write(require('notepack.io').encode("
                + JS_VALUE
                + ").toString('hex'))");
    String notepackHex = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).isZero();

    assertThat(HexFormat.of().formatHex(MsgPack.encode(broadcast()))).isEqualTo(notepackHex);
    // Compared as JSON text: Jackson's int and long nodes differ though the numbers are equal.
    assertThat(MsgPack.decode(HexFormat.of().parseHex(notepackHex)).toString())
        .isEqualTo(broadcast().toString());
  }

  @Test
  void anIntegralDoubleGoesOutAsJavaScriptWouldSendIt() {
    assertThat(MsgPack.encode(Json.MAPPER.getNodeFactory().numberNode(2.0)))
        .isEqualTo(new byte[] {2});
  }

  @Test
  void randomBytesFailOnlyWithTheCodecsOwnError() {
    Random random = new Random(16);
    for (int i = 0; i < 2_000; i++) {
      byte[] garbage = new byte[1 + random.nextInt(40)];
      random.nextBytes(garbage);
      try {
        MsgPack.decode(garbage);
      } catch (MsgPack.MsgPackException expected) {
        // the one error allowed
      }
    }
    assertThatThrownBy(() -> MsgPack.decode(new byte[] {(byte) 0x91}))
        .isInstanceOf(MsgPack.MsgPackException.class);
  }
}
