package dev.wirelab.chat.socketio.cluster.redis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.socketio.cluster.ClusterWire;
import dev.wirelab.chat.socketio.cluster.MsgPack;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.recovery.PersistedSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A disconnected session as the streams adapter stores it under {@code <prefix><pid>}: base64 of
 * msgpack {@code {sid, pid, rooms, data}}, which Node nodes restore too, plus Wirelab's {@code
 * joinOffset} (where replay starts for a client that never got an offset), which Node ignores.
 */
final class StreamSessions {
  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  private StreamSessions() {}

  static byte[] encode(PersistedSession session) {
    ObjectNode tree =
        Json.MAPPER.createObjectNode().put("sid", session.sid()).put("pid", session.pid());
    tree.set("rooms", ClusterWire.strings(session.rooms()));
    tree.set("data", Json.MAPPER.valueToTree(session.data()));
    if (session.joinOffset() != null) {
      tree.put("joinOffset", session.joinOffset());
    }
    return Base64.getEncoder().encode(MsgPack.encode(tree));
  }

  /**
   * The session stored as {@code stored}, disconnected at {@code nowMillis} as far as this node
   * knows.
   *
   * @throws IllegalArgumentException when it is not a session
   */
  static PersistedSession decode(byte[] stored, long nowMillis) {
    JsonNode tree;
    try {
      tree = MsgPack.decode(Base64.getDecoder().decode(stored));
    } catch (MsgPack.MsgPackException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!tree.path("sid").isTextual() || !tree.path("pid").isTextual()) {
      throw new IllegalArgumentException(
          "not a session: "
              + new String(stored, 0, Math.min(40, stored.length), StandardCharsets.UTF_8));
    }
    Map<String, Object> data = new HashMap<>();
    if (tree.path("data").isObject()) {
      // A null value is an absent one here (a session's data map holds no nulls).
      Json.MAPPER
          .convertValue(tree.get("data"), DATA)
          .forEach(
              (key, value) -> {
                if (value != null) {
                  data.put(key, value);
                }
              });
    }
    return new PersistedSession(
        tree.get("sid").textValue(),
        tree.get("pid").textValue(),
        ClusterWire.texts(tree.path("rooms")),
        data,
        tree.path("joinOffset").isTextual() ? tree.get("joinOffset").textValue() : null,
        nowMillis);
  }
}
