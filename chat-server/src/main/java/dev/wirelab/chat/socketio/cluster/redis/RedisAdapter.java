package dev.wirelab.chat.socketio.cluster.redis;

import static dev.wirelab.chat.socketio.cluster.ClusterWire.strings;
import static dev.wirelab.chat.socketio.cluster.ClusterWire.texts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.adapter.InMemoryAdapter;
import dev.wirelab.chat.socketio.adapter.LocalNamespace;
import dev.wirelab.chat.socketio.adapter.SocketDetails;
import dev.wirelab.chat.socketio.cluster.ClusterRequests;
import dev.wirelab.chat.socketio.cluster.ClusterWire;
import dev.wirelab.chat.socketio.cluster.LocalMembership;
import dev.wirelab.chat.socketio.cluster.MsgPack;
import dev.wirelab.chat.socketio.cluster.PublishFailures;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketType;
import dev.wirelab.chat.socketio.recovery.PersistedSession;
import dev.wirelab.chat.socketio.recovery.RestoredSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter of one namespace on Redis pub/sub, wire-compatible with
 * {@code @socket.io/redis-adapter} 8.x, so Java and Node nodes share rooms, broadcasts and
 * requests:
 *
 * <ul>
 *   <li>a broadcast is {@code msgpack([uid, packet, opts])} on {@code <key>#<nsp>#}, or on {@code
 *       <key>#<nsp>#<room>#} when it targets exactly one room;
 *   <li>a request is JSON (msgpack for a broadcast with ack) on {@code <key>-request#<nsp>#};
 *       answers come back on {@code <key>-response#<nsp>#} (or {@code ...#<uid>#});
 *   <li>the node count is {@code PUBSUB NUMSUB} of the request channel.
 * </ul>
 *
 * <p>Every request gets this node's answer, an empty one included, so no requester waits out its
 * timeout because of a Java node. Unlike the Node adapter, socketsJoin, socketsLeave and
 * disconnectSockets act on this node at once and skip their own echo: they still work here while
 * Redis is down. Connection state recovery stays per node (the classic protocol has none).
 */
public final class RedisAdapter extends LocalMembership implements RedisConnections.Receiver {
  private static final Logger LOG = LoggerFactory.getLogger(RedisAdapter.class);

  private final String namespace;
  private final LocalNamespace sockets;
  private final RedisConnections redis;
  private final RedisAdapterOptions options;
  private final String uid = ClusterWire.alphanumericId(6);
  private final String channel;
  private final String requestChannel;
  private final String responseChannel;
  private final String specificResponseChannel;
  private final ClusterRequests requests;
  private final PublishFailures failures;

  /** Subscribes this namespace's channels and waits (up to 10 s) until Redis confirmed them. */
  public RedisAdapter(
      String namespace,
      InMemoryAdapter local,
      LocalNamespace sockets,
      RedisConnections redis,
      RedisAdapterOptions options) {
    super(local);
    this.namespace = namespace;
    this.sockets = sockets;
    this.redis = redis;
    this.options = options;
    this.requests = new ClusterRequests(redis::schedule);
    this.failures = new PublishFailures(redis.url());
    this.channel = options.key() + "#" + namespace + "#";
    this.requestChannel = options.key() + "-request#" + namespace + "#";
    this.responseChannel = options.key() + "-response#" + namespace + "#";
    this.specificResponseChannel = responseChannel + uid + "#";
    redis.receiveOnceSubscribed(
        this,
        CompletableFuture.allOf(
            redis.psubscribe(channel + "*"),
            redis.subscribe(requestChannel, responseChannel, specificResponseChannel)),
        channel + "*");
  }

  /** This node's id on the wire (6 characters, like the Node adapter's). */
  public String uid() {
    return uid;
  }

  @Override
  public String currentOffset() {
    return local.currentOffset();
  }

  @Override
  public void persistSession(PersistedSession session) {
    local.persistSession(session);
  }

  @Override
  public Optional<RestoredSession> restoreSession(
      String pid, String offset, Predicate<RestoredSession> attach) {
    return local.restoreSession(pid, offset, attach);
  }

  // ---- what this node sends ----

  @Override
  public void broadcast(Packet packet, BroadcastOptions target) {
    if (!target.isLocal()) {
      ArrayNode message = Json.MAPPER.createArrayNode().add(uid);
      message.add(ClusterWire.packet(namespace, packet.data()));
      message.add(ClusterWire.options(target, null));
      String destination =
          target.rooms().size() == 1 ? channel + target.rooms().iterator().next() + "#" : channel;
      publish(destination, MsgPack.encode(message));
    }
    local.broadcast(packet, target);
  }

  @Override
  public void broadcastWithAck(
      Packet packet,
      BroadcastOptions target,
      Duration timeout,
      IntConsumer clientCount,
      Consumer<JsonNode> ack) {
    if (!target.isLocal()) {
      String requestId = ClusterWire.alphanumericId(6);
      ObjectNode request =
          Json.MAPPER
              .createObjectNode()
              .put("uid", uid)
              .put("requestId", requestId)
              .put("type", RequestType.BROADCAST.code());
      request.set("packet", ClusterWire.packet(namespace, packet.data()));
      request.set("opts", ClusterWire.options(target, timeout));
      requests.expectAcks(requestId, clientCount, ack, timeout);
      publish(requestChannel, MsgPack.encode(request));
    }
    local.broadcastWithAck(packet, target, timeout, clientCount, ack);
  }

  @Override
  public CompletableFuture<List<SocketDetails>> fetchSockets(BroadcastOptions target) {
    List<SocketDetails> mine = local.fetchSockets(target).join();
    if (target.isLocal()) {
      return CompletableFuture.completedFuture(mine);
    }
    String requestId = ClusterWire.alphanumericId(6);
    ObjectNode request = request(RequestType.REMOTE_FETCH).put("requestId", requestId);
    request.set("opts", ClusterWire.options(target, null).without("flags"));
    return requests.askOthers(
        serverCount(),
        requestId,
        mine,
        options.requestsTimeout(),
        "fetchSockets",
        () -> publishJson(requestChannel, request));
  }

  @Override
  public void addSockets(BroadcastOptions target, Collection<String> rooms) {
    local.addSockets(target, rooms);
    if (!target.isLocal()) {
      ObjectNode request = request(RequestType.REMOTE_JOIN);
      request.set("opts", ClusterWire.options(target, null).without("flags"));
      request.set("rooms", strings(rooms));
      publishJson(requestChannel, request);
    }
  }

  @Override
  public void delSockets(BroadcastOptions target, Collection<String> rooms) {
    local.delSockets(target, rooms);
    if (!target.isLocal()) {
      ObjectNode request = request(RequestType.REMOTE_LEAVE);
      request.set("opts", ClusterWire.options(target, null).without("flags"));
      request.set("rooms", strings(rooms));
      publishJson(requestChannel, request);
    }
  }

  @Override
  public void disconnectSockets(BroadcastOptions target, boolean close) {
    if (!target.isLocal()) {
      ObjectNode request = request(RequestType.REMOTE_DISCONNECT);
      request.set("opts", ClusterWire.options(target, null).without("flags"));
      request.put("close", close);
      publishJson(requestChannel, request);
    }
    local.disconnectSockets(target, close);
  }

  @Override
  public void serverSideEmit(List<JsonNode> eventAndArgs) {
    ObjectNode request = request(RequestType.SERVER_SIDE_EMIT);
    request.set("data", Json.MAPPER.createArrayNode().addAll(eventAndArgs));
    publishJson(requestChannel, request);
  }

  @Override
  public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(
      List<JsonNode> eventAndArgs, Duration timeout) {
    String requestId = ClusterWire.alphanumericId(6);
    ObjectNode request = request(RequestType.SERVER_SIDE_EMIT).put("requestId", requestId);
    request.set("data", Json.MAPPER.createArrayNode().addAll(eventAndArgs));
    return requests.askOthers(
        serverCount(),
        requestId,
        List.<JsonNode>of(),
        options.requestsTimeout(),
        "serverSideEmit",
        () -> publishJson(requestChannel, request));
  }

  @Override
  public CompletableFuture<Integer> serverCount() {
    return redis.numsub(requestChannel);
  }

  // ---- what other nodes send ----

  @Override
  public void onMessage(String from, byte[] message) {
    if (from.startsWith(channel)) {
      onBroadcast(from, message);
    } else if (from.equals(requestChannel)) {
      onRequest(message);
    } else if (from.equals(responseChannel) || from.equals(specificResponseChannel)) {
      onResponse(message);
    }
  }

  private void onBroadcast(String from, byte[] message) {
    // <key>#<nsp># carries broadcasts to many rooms, <key>#<nsp>#<room># those to one room.
    String room =
        from.length() > channel.length() ? from.substring(channel.length(), from.length() - 1) : "";
    if (!room.isEmpty()
        && local.socketIds(new BroadcastOptions(Set.of(room), Set.of(), false)).isEmpty()) {
      return; // no member here: not even worth decoding
    }
    JsonNode decoded;
    try {
      decoded = MsgPack.decode(message);
    } catch (MsgPack.MsgPackException e) {
      LOG.warn("ignoring a broadcast on {}: {}", from, e.getMessage());
      return;
    }
    if (!decoded.isArray()
        || decoded.size() < 3
        || !decoded.get(1).isObject()
        || !decoded.get(1).path("data").isArray()) {
      LOG.warn("ignoring a broadcast on {}: not [uid, packet, opts]", from);
      return;
    }
    if (uid.equals(decoded.get(0).asText())) {
      return;
    }
    JsonNode packet = decoded.get(1);
    if (!packet.path("nsp").asText("/").equals(namespace)) {
      return;
    }
    local.broadcast(
        new Packet(PacketType.EVENT, namespace, Packet.NO_ACK, packet.get("data")),
        ClusterWire.target(decoded.get(2)).asLocal());
  }

  private void onRequest(byte[] message) {
    JsonNode request = parse(message, "request");
    if (request == null) {
      return;
    }
    RequestType type = RequestType.of(request.path("type").asInt(-1));
    String requestId = request.path("requestId").asText(null);
    boolean mine = uid.equals(request.path("uid").asText(null));
    if (type == null) {
      LOG.debug("ignoring a request of unknown type {}", request.path("type"));
      return;
    }
    switch (type) {
      case SOCKETS -> {
        if (requestId == null || requests.isMine(requestId)) {
          return;
        }
        BroadcastOptions target =
            new BroadcastOptions(texts(request.path("rooms")), Set.of(), false);
        ObjectNode response = Json.MAPPER.createObjectNode().put("requestId", requestId);
        response.set("sockets", strings(local.socketIds(target)));
        publishResponse(request, response);
      }
      case ALL_ROOMS -> {
        if (requestId == null || requests.isMine(requestId)) {
          return;
        }
        ObjectNode response = Json.MAPPER.createObjectNode().put("requestId", requestId);
        response.set("rooms", strings(local.allRooms()));
        publishResponse(request, response);
      }
      case REMOTE_JOIN, REMOTE_LEAVE, REMOTE_DISCONNECT -> {
        if (!mine) {
          onRemoteMembership(type, request);
        }
      }
      case REMOTE_FETCH -> {
        if (requestId == null || requests.isMine(requestId)) {
          return;
        }
        ObjectNode response = Json.MAPPER.createObjectNode().put("requestId", requestId);
        ArrayNode found = response.putArray("sockets");
        for (SocketDetails socket :
            local.fetchSockets(ClusterWire.target(request.path("opts"))).join()) {
          found.add(ClusterWire.describe(socket));
        }
        publishResponse(request, response);
      }
      case SERVER_SIDE_EMIT -> {
        if (mine) {
          return;
        }
        List<JsonNode> data = new ArrayList<>();
        request.path("data").forEach(data::add);
        Consumer<JsonNode> ack =
            requestId == null
                ? null
                : answer -> {
                  ObjectNode response =
                      Json.MAPPER
                          .createObjectNode()
                          .put("type", RequestType.SERVER_SIDE_EMIT.code())
                          .put("requestId", requestId);
                  response.set("data", answer);
                  // Node answers serverSideEmit on the shared channel whatever its options.
                  publishJson(responseChannel, response);
                };
        sockets.onServerSideEmit(data, ack);
      }
      case BROADCAST -> {
        if (requestId == null
            || requests.isMine(requestId)
            || !request.path("packet").path("data").isArray()) {
          return;
        }
        long timeoutMillis =
            request
                .path("opts")
                .path("flags")
                .path("timeout")
                .asLong(options.requestsTimeout().toMillis());
        Packet packet =
            new Packet(
                PacketType.EVENT, namespace, Packet.NO_ACK, request.path("packet").get("data"));
        local.broadcastWithAck(
            packet,
            ClusterWire.target(request.path("opts")).asLocal(),
            Duration.ofMillis(timeoutMillis),
            count ->
                publishResponse(
                    request,
                    Json.MAPPER
                        .createObjectNode()
                        .put("type", RequestType.BROADCAST_CLIENT_COUNT.code())
                        .put("requestId", requestId)
                        .put("clientCount", count)),
            answer -> {
              ObjectNode response =
                  Json.MAPPER
                      .createObjectNode()
                      .put("type", RequestType.BROADCAST_ACK.code())
                      .put("requestId", requestId);
              response.set("packet", answer);
              publish(responseChannelFor(request), MsgPack.encode(response));
            });
      }
      default -> LOG.debug("ignoring a {} sent as a request", type);
    }
  }

  /** socketsJoin / socketsLeave / disconnectSockets, in the current form or the legacy one. */
  private void onRemoteMembership(RequestType type, JsonNode request) {
    if (request.has("opts")) {
      BroadcastOptions target = ClusterWire.target(request.get("opts")).asLocal();
      switch (type) {
        case REMOTE_JOIN -> local.addSockets(target, texts(request.path("rooms")));
        case REMOTE_LEAVE -> local.delSockets(target, texts(request.path("rooms")));
        default -> local.disconnectSockets(target, request.path("close").asBoolean(false));
      }
      return;
    }
    // Before redis-adapter 7: one socket by id, answered with {requestId}.
    String sid = request.path("sid").asText("");
    if (local.rooms(sid).isEmpty()) {
      return;
    }
    String room = request.path("room").asText("");
    switch (type) {
      case REMOTE_JOIN -> local.join(sid, List.of(room));
      case REMOTE_LEAVE -> local.leave(sid, room);
      default -> sockets.disconnect(List.of(sid), request.path("close").asBoolean(false));
    }
    publishResponse(
        request,
        Json.MAPPER.createObjectNode().put("requestId", request.path("requestId").asText("")));
  }

  private void onResponse(byte[] message) {
    JsonNode response = parse(message, "response");
    if (response == null) {
      return;
    }
    String requestId = response.path("requestId").asText("");
    RequestType type = RequestType.of(response.path("type").asInt(-1));
    if (type == RequestType.BROADCAST_CLIENT_COUNT) {
      requests.clientCount(requestId, response.path("clientCount").asInt(0));
    } else if (type == RequestType.BROADCAST_ACK) {
      requests.ack(requestId, response.path("packet"));
    } else if (type == RequestType.SERVER_SIDE_EMIT) {
      requests.answer(requestId, List.of(response.path("data")));
    } else if (response.has("sockets")) {
      requests.answer(requestId, ClusterWire.sockets(response.path("sockets")));
    }
  }

  // ---- wire shapes ----

  private ObjectNode request(RequestType type) {
    return Json.MAPPER.createObjectNode().put("uid", uid).put("type", type.code());
  }

  /** JSON when the first byte is '{', msgpack otherwise: the Node adapter's rule. */
  private static JsonNode parse(byte[] message, String what) {
    try {
      JsonNode parsed =
          message.length > 0 && message[0] == '{'
              ? Json.MAPPER.readTree(message)
              : MsgPack.decode(message);
      if (parsed == null || !parsed.isObject()) {
        LOG.warn("ignoring a cluster {} that is not an object", what);
        return null;
      }
      return parsed;
    } catch (IOException | MsgPack.MsgPackException e) {
      LOG.warn("ignoring a malformed cluster {}: {}", what, e.getMessage());
      return null;
    }
  }

  private void publishResponse(JsonNode request, ObjectNode response) {
    publishJson(responseChannelFor(request), response);
  }

  private String responseChannelFor(JsonNode request) {
    return options.publishOnSpecificResponseChannel()
        ? responseChannel + request.path("uid").asText("") + "#"
        : responseChannel;
  }

  private void publishJson(String destination, ObjectNode message) {
    try {
      publish(
          destination, Json.MAPPER.writeValueAsString(message).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private void publish(String destination, byte[] message) {
    redis
        .publish(destination, message)
        .whenComplete(
            (receivers, failure) -> {
              if (failure != null) {
                failures.failed(destination, failure);
              }
            });
  }

  @Override
  public void close() {
    redis.removeReceiver(this);
    redis.punsubscribe(channel + "*");
    redis.unsubscribe(requestChannel, responseChannel, specificResponseChannel);
    requests.close("the adapter of " + namespace + " closed");
    local.close();
  }
}
