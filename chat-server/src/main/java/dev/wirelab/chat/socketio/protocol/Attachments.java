package dev.wirelab.chat.socketio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Moves binary values out of a JSON tree into numbered attachments and back. On the wire each
 * binary value is replaced by {@code {"_placeholder":true,"num":N}} and sent as the N-th binary
 * Engine.IO message after the packet.
 */
final class Attachments {
  private static final String PLACEHOLDER = "_placeholder";
  private static final String NUM = "num";

  private Attachments() {}

  static boolean containsBinary(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isBinary()) {
      return true;
    }
    for (JsonNode child : node) {
      if (containsBinary(child)) {
        return true;
      }
    }
    return false;
  }

  /** Returns a copy of {@code node} with placeholders; the bytes are added to {@code out}. */
  static JsonNode deconstruct(JsonNode node, List<byte[]> out) {
    if (node.isBinary()) {
      ObjectNode placeholder = Json.MAPPER.createObjectNode();
      placeholder.put(PLACEHOLDER, true);
      placeholder.put(NUM, out.size());
      out.add(((BinaryNode) node).binaryValue());
      return placeholder;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.MAPPER.createArrayNode();
      for (JsonNode child : node) {
        copy.add(deconstruct(child, out));
      }
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = Json.MAPPER.createObjectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), deconstruct(field.getValue(), out));
      }
      return copy;
    }
    return node;
  }

  /** Replaces, in place, every placeholder of {@code node} by its attachment. */
  static JsonNode reconstruct(JsonNode node, List<byte[]> attachments) throws ProtocolException {
    if (isPlaceholder(node)) {
      int num = node.get(NUM).intValue();
      if (num < 0 || num >= attachments.size()) {
        throw new ProtocolException(
            "placeholder num " + num + " but " + attachments.size() + " attachment(s)");
      }
      return BinaryNode.valueOf(attachments.get(num));
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, reconstruct(array.get(i), attachments));
      }
    } else if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(reconstruct(field.getValue(), attachments));
      }
    }
    return node;
  }

  private static boolean isPlaceholder(JsonNode node) {
    return node.isObject()
        && node.path(PLACEHOLDER).asBoolean(false)
        && node.path(NUM).isIntegralNumber();
  }
}
