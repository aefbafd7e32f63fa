package dev.wirelab.chat.socketio.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.adapter.SocketDetails;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.protocol.PacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The shapes every Node cluster adapter shares: a broadcast packet {@code {type, data[, nsp]}}, the
 * target {@code {rooms, except, flags}}, and the random ids of nodes and requests.
 */
public final class ClusterWire {
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private ClusterWire() {}

  /**
   * {@code {type: 2, data}}: a broadcast packet as the cluster protocol carries it (socket.io 4.8
   * sets {@code nsp} only when it delivers locally, after the publish).
   */
  public static ObjectNode packet(JsonNode data) {
    ObjectNode wire = Json.MAPPER.createObjectNode().put("type", PacketType.EVENT.ordinal());
    wire.set("data", data);
    return wire;
  }

  /** {@code {type: 2, data, nsp}}: the classic Redis adapter sets {@code nsp} before publishing. */
  public static ObjectNode packet(String namespace, JsonNode data) {
    return packet(data).put("nsp", namespace);
  }

  /** {@code {rooms, except, flags}}; flags hold volatile and an ack timeout when set. */
  public static ObjectNode options(BroadcastOptions target, Duration ackTimeout) {
    ObjectNode wire = Json.MAPPER.createObjectNode();
    wire.set("rooms", strings(target.rooms()));
    wire.set("except", strings(target.except()));
    ObjectNode flags = wire.putObject("flags");
    if (target.isVolatile()) {
      flags.put("volatile", true);
    }
    if (ackTimeout != null) {
      flags.put("timeout", ackTimeout.toMillis());
    }
    return wire;
  }

  /** The target a {@code {rooms, except, flags}} names. */
  public static BroadcastOptions target(JsonNode wire) {
    return new BroadcastOptions(
        texts(wire.path("rooms")),
        texts(wire.path("except")),
        wire.path("flags").path("volatile").asBoolean(false));
  }

  public static ArrayNode strings(Collection<String> values) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  public static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    // A numeric room name arrives as a number from Node; its text form is the room.
    array.forEach(value -> out.add(value.isTextual() ? value.textValue() : value.asText()));
    return out;
  }

  /** A socket as a fetchSockets answer describes it: {@code {id, handshake, rooms, data}}. */
  public static ObjectNode describe(SocketDetails socket) {
    ObjectNode described = Json.MAPPER.createObjectNode().put("id", socket.id());
    described.set("handshake", socket.handshake());
    described.set("rooms", strings(socket.rooms()));
    described.set("data", socket.data());
    return described;
  }

  /** The sockets of a fetchSockets answer's {@code sockets} array. */
  public static List<SocketDetails> sockets(JsonNode described) {
    List<SocketDetails> found = new ArrayList<>();
    for (JsonNode socket : described) {
      found.add(
          new SocketDetails(
              socket.path("id").asText(""),
              socket.path("handshake"),
              texts(socket.path("rooms")),
              socket.has("data") ? socket.get("data") : Json.MAPPER.nullNode()));
    }
    return found;
  }

  /** Whether a JSON tree holds bytes somewhere (socket.io's {@code hasBinary}). */
  public static boolean hasBinary(JsonNode value) {
    if (value.isBinary()) {
      return true;
    }
    for (JsonNode child : value) {
      if (hasBinary(child)) {
        return true;
      }
    }
    return false;
  }

  /** {@code length} random letters and digits: the classic Redis adapter's ids. */
  public static String alphanumericId(int length) {
    StringBuilder id = new StringBuilder(length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return id.toString();
  }

  /** 16 hex digits: cluster-adapter.ts's {@code randomBytes(8).toString("hex")}. */
  public static String hexId() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
