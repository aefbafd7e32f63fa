package dev.wirelab.chat.socketio.cluster.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.socketio.cluster.ClusterMessage;
import dev.wirelab.chat.socketio.cluster.ClusterWire;
import dev.wirelab.chat.socketio.cluster.MessageType;
import dev.wirelab.chat.socketio.cluster.MsgPack;
import dev.wirelab.chat.socketio.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A cluster message as a stream entry of {@code @socket.io/redis-streams-adapter} 0.3: the fields
 * {@code uid}, {@code nsp}, {@code type} (a decimal string) and {@code data}, which is JSON, or
 * base64 of msgpack when a type that may carry bytes does.
 */
final class StreamEntries {
  private static final Set<MessageType> MAY_CARRY_BYTES =
      EnumSet.of(
          MessageType.BROADCAST,
          MessageType.FETCH_SOCKETS_RESPONSE,
          MessageType.SERVER_SIDE_EMIT,
          MessageType.SERVER_SIDE_EMIT_RESPONSE,
          MessageType.BROADCAST_ACK);

  private StreamEntries() {}

  /** The entry's fields, in the Node adapter's order. */
  static Map<String, String> encode(ClusterMessage message) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("uid", message.uid());
    fields.put("nsp", message.nsp());
    fields.put("type", Integer.toString(message.type().code()));
    if (!message.data().isEmpty()) {
      fields.put("data", encodeData(message.type(), message.data()));
    }
    return fields;
  }

  private static String encodeData(MessageType type, JsonNode data) {
    if (MAY_CARRY_BYTES.contains(type) && ClusterWire.hasBinary(data)) {
      return Base64.getEncoder().encodeToString(MsgPack.encode(data));
    }
    try {
      return Json.MAPPER.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /**
   * The message an entry holds, or null when it is not one (then the caller logs and skips it).
   *
   * @throws IllegalArgumentException when {@code data} is neither JSON nor base64 msgpack
   */
  static ClusterMessage decode(Map<String, String> fields) {
    ObjectNode tree = Json.MAPPER.createObjectNode();
    tree.put("uid", fields.get("uid")).put("nsp", fields.get("nsp"));
    try {
      tree.put("type", Integer.parseInt(fields.getOrDefault("type", "")));
    } catch (NumberFormatException e) {
      return null;
    }
    String data = fields.get("data");
    if (data != null && !data.isEmpty()) {
      tree.set("data", decodeData(data));
    }
    return ClusterMessage.of(tree);
  }

  /** JSON when it starts with '{', base64 msgpack otherwise: the Node adapter's rule. */
  private static JsonNode decodeData(String data) {
    try {
      return data.startsWith("{")
          ? Json.MAPPER.readTree(data)
          : MsgPack.decode(Base64.getDecoder().decode(data));
    } catch (JsonProcessingException | MsgPack.MsgPackException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** A Lettuce entry body (bytes) as text fields. */
  static Map<String, String> text(Map<byte[], byte[]> body) {
    Map<String, String> fields = new LinkedHashMap<>();
    body.forEach(
        (key, value) ->
            fields.put(
                new String(key, StandardCharsets.UTF_8),
                new String(value, StandardCharsets.UTF_8)));
    return fields;
  }
}
