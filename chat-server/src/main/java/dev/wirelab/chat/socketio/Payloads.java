package dev.wirelab.chat.socketio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketType;
import java.util.Set;

/** Builds the JSON payloads the server sends: event arrays, ack arrays, CONNECT_ERROR objects. */
final class Payloads {
  /** Names the client library keeps for itself; emitting them would confuse every client. */
  private static final Set<String> RESERVED_EVENTS =
      Set.of(
          "connect",
          "connect_error",
          "disconnect",
          "disconnecting",
          "newListener",
          "removeListener");

  private Payloads() {}

  /** {@code [event, ...args]}; fails for the reserved event names. */
  static ArrayNode event(String event, Object[] args) {
    if (RESERVED_EVENTS.contains(event)) {
      throw new IllegalArgumentException("'" + event + "' is a reserved event name");
    }
    ArrayNode payload = Json.MAPPER.createArrayNode().add(event);
    for (Object arg : args) {
      payload.add(Json.toTree(arg));
    }
    return payload;
  }

  /** {@code [...args]}. */
  static ArrayNode array(Object[] args) {
    ArrayNode payload = Json.MAPPER.createArrayNode();
    for (Object arg : args) {
      payload.add(Json.toTree(arg));
    }
    return payload;
  }

  /** A CONNECT_ERROR packet: {@code {"message": ..., "data": ...}}, data only when given. */
  static Packet connectError(String namespace, String message, Object data) {
    ObjectNode payload = Json.MAPPER.createObjectNode().put("message", message);
    if (data != null) {
      payload.set("data", Json.toTree(data));
    }
    return new Packet(PacketType.CONNECT_ERROR, namespace, Packet.NO_ACK, payload);
  }
}
