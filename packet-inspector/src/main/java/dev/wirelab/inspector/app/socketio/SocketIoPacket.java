package dev.wirelab.inspector.app.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One Socket.IO v5 packet: {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON data>]}.
 *
 * @param ackId the acknowledgement id, or -1 when the packet has none
 * @param data the JSON data, or null when the packet carries none
 */
public record SocketIoPacket(
    SocketIoPacketType type, int attachments, String namespace, long ackId, JsonNode data) {
  /** The event name of an EVENT or BINARY_EVENT packet, or null. */
  public String event() {
    return type.isEvent()
            && data != null
            && data.isArray()
            && data.size() > 0
            && data.get(0).isTextual()
        ? data.get(0).textValue()
        : null;
  }

  /** The arguments: the data array without the event name for events, the data itself otherwise. */
  public JsonNode args() {
    if (event() == null) {
      return data;
    }
    ArrayNode rest = ((ArrayNode) data).deepCopy();
    rest.remove(0);
    return rest;
  }

  public SocketIoPacket withData(JsonNode replaced) {
    return new SocketIoPacket(type, attachments, namespace, ackId, replaced);
  }
}
