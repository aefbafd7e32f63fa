package dev.wirelab.chat.socketio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;

/**
 * One decoded Socket.IO packet. Binary attachments live inside {@code data} as Jackson binary
 * nodes, where the application put them; the codec moves them out to attachments and back.
 *
 * @param type the packet type; EVENT and ACK are sent as their BINARY_ twins when data holds bytes
 * @param namespace the namespace, {@code "/"} for the main one
 * @param ackId the acknowledgement id, or {@link #NO_ACK}
 * @param data the JSON payload, or null when the packet has none
 */
public record Packet(PacketType type, String namespace, long ackId, JsonNode data) {
  /** The ack id of a packet that asks for no acknowledgement. */
  public static final long NO_ACK = -1;

  public Packet {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(namespace, "namespace");
  }

  /** An EVENT packet: {@code [event, ...args]}. */
  public static Packet event(String namespace, ArrayNode eventAndArgs, long ackId) {
    return new Packet(PacketType.EVENT, namespace, ackId, eventAndArgs);
  }

  /** True when the sender waits for an ACK packet with the same id. */
  public boolean wantsAck() {
    return ackId != NO_ACK;
  }

  /** This packet with one more element at the end of its array payload. */
  public Packet withAppended(JsonNode value) {
    ArrayNode copy = ((ArrayNode) data).deepCopy();
    copy.add(value);
    return new Packet(type, namespace, ackId, copy);
  }
}
