package dev.wirelab.inspector.app.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Matches a BINARY_EVENT or BINARY_ACK with the binary Engine.IO messages that follow it on the
 * same direction, and puts each attachment where its {@code {"_placeholder":true,"num":n}} stood.
 */
public final class SocketIoBinaryAssembler {
  private final List<byte[]> attachments = new ArrayList<>();
  private SocketIoPacket pending;

  /** Whether a binary packet is waiting for attachments. */
  public boolean waiting() {
    return pending != null;
  }

  public int received() {
    return attachments.size();
  }

  /** Starts waiting for the packet's attachments; returns it at once when it has none. */
  public SocketIoPacket start(SocketIoPacket packet) {
    attachments.clear();
    if (packet.attachments() == 0) {
      pending = null;
      return packet;
    }
    pending = packet;
    return null;
  }

  /** Takes one attachment; returns the whole packet once the last one arrived, else null. */
  public SocketIoPacket attach(byte[] data) {
    attachments.add(data);
    if (attachments.size() < pending.attachments()) {
      return null;
    }
    SocketIoPacket done = pending.withData(resolve(pending.data(), attachments));
    pending = null;
    attachments.clear();
    return done;
  }

  private static JsonNode resolve(JsonNode node, List<byte[]> buffers) {
    if (node == null) {
      return null;
    }
    if (node.isObject()
        && node.path("_placeholder").asBoolean(false)
        && node.path("num").canConvertToInt()) {
      int num = node.path("num").intValue();
      return num >= 0 && num < buffers.size()
          ? TextNode.valueOf("<binary " + buffers.get(num).length + " bytes>")
          : node;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(child -> copy.add(resolve(child, buffers)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), resolve(field.getValue(), buffers));
      }
      return copy;
    }
    return node;
  }
}
