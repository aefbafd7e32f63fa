package dev.wirelab.chat.socketio.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.socketio.protocol.Json;

/**
 * One message of the cluster protocol: {@code {type, data, uid, nsp}}, the sender's node id and
 * namespace after what it says (the order Node's objects have, which msgpack keeps).
 *
 * @param type what the message asks or answers
 * @param data its arguments ({@code {requestId, ...}} for requests and responses); an empty object
 *     when it has none
 * @param uid the sending node
 * @param nsp the namespace
 */
public record ClusterMessage(MessageType type, ObjectNode data, String uid, String nsp) {

  /** The whole message as one tree, as ephemeral messages travel. */
  public ObjectNode toTree() {
    ObjectNode tree = Json.MAPPER.createObjectNode().put("type", type.code());
    tree.set("data", data);
    return tree.put("uid", uid).put("nsp", nsp);
  }

  /** The message a tree holds, or null when it is not one (unknown type, missing fields). */
  public static ClusterMessage of(JsonNode tree) {
    MessageType type = MessageType.of(tree.path("type").asInt(-1));
    if (type == null || !tree.path("uid").isTextual() || !tree.path("nsp").isTextual()) {
      return null;
    }
    JsonNode data = tree.path("data");
    return new ClusterMessage(
        type,
        data.isObject() ? (ObjectNode) data : Json.MAPPER.createObjectNode(),
        tree.get("uid").textValue(),
        tree.get("nsp").textValue());
  }

  /** The request id of a request or a response, or null for a message that wants no answer. */
  public String requestId() {
    JsonNode id = data.path("requestId");
    return id.isTextual() ? id.textValue() : null;
  }
}
