package dev.wirelab.chat.socketio.cluster.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.socketio.adapter.Adapter;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.adapter.InMemoryAdapter;
import dev.wirelab.chat.socketio.adapter.LocalNamespace;
import dev.wirelab.chat.socketio.adapter.SocketDetails;
import dev.wirelab.chat.socketio.cluster.MsgPack;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
public final class RedisAdapter implements Adapter, RedisConnections.Receiver {
  private static final Logger LOG = LoggerFactory.getLogger(RedisAdapter.class);
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final String namespace;
  private final InMemoryAdapter local;
  private final LocalNamespace sockets;
  private final RedisConnections redis;
  private final RedisAdapterOptions options;
  private final String uid = randomId(6);
  private final String channel;
  private final String requestChannel;
  private final String responseChannel;
  private final String specificResponseChannel;
  private final Map<String, PendingRequest> requests = new ConcurrentHashMap<>();
  private final Map<String, AckRequest> ackRequests = new ConcurrentHashMap<>();
  private volatile long lastPublishWarning = System.nanoTime() - WARN_INTERVAL_NANOS;

  /** Subscribes this namespace's channels and waits (up to 10 s) until Redis confirmed them. */
  public RedisAdapter(
      String namespace,
      InMemoryAdapter local,
      LocalNamespace sockets,
      RedisConnections redis,
      RedisAdapterOptions options) {
    this.namespace = namespace;
    this.local = local;
    this.sockets = sockets;
    this.redis = redis;
    this.options = options;
    this.channel = options.key() + "#" + namespace + "#";
    this.requestChannel = options.key() + "-request#" + namespace + "#";
    this.responseChannel = options.key() + "-response#" + namespace + "#";
    this.specificResponseChannel = responseChannel + uid + "#";
    redis.addReceiver(this);
    try {
      CompletableFuture.allOf(
              redis.psubscribe(channel + "*"),
              redis.subscribe(requestChannel, responseChannel, specificResponseChannel))
          .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while subscribing to Redis", e);
    } catch (Exception e) {
      redis.removeReceiver(this);
      throw new IllegalStateException(
          "cannot subscribe to " + channel + "* at " + redis.url() + ": " + e.getMessage(), e);
    }
  }

  /** This node's id on the wire (6 characters, like the Node adapter's). */
  public String uid() {
    return uid;
  }

  // ---- membership: this node's, kept by the local adapter ----

  @Override
  public void join(String socketId, Collection<String> rooms) {
    local.join(socketId, rooms);
  }

  @Override
  public void leave(String socketId, String room) {
    local.leave(socketId, room);
  }

  @Override
  public void leaveAll(String socketId) {
    local.leaveAll(socketId);
  }

  @Override
  public Set<String> rooms(String socketId) {
    return local.rooms(socketId);
  }

  @Override
  public Set<String> socketIds(BroadcastOptions options) {
    return local.socketIds(options);
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
      message.add(wirePacket(packet));
      message.add(wireOptions(target, null));
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
      String requestId = randomId(6);
      ObjectNode request =
          Json.MAPPER
              .createObjectNode()
              .put("uid", uid)
              .put("requestId", requestId)
              .put("type", RequestType.BROADCAST.code());
      request.set("packet", wirePacket(packet));
      request.set("opts", wireOptions(target, timeout));
      ackRequests.put(requestId, new AckRequest(clientCount, ack));
      // Which node acks arrive from, and how many, is not known here: the map entry just expires.
      redis.schedule(() -> ackRequests.remove(requestId), timeout);
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
    return serverCount()
        .thenCompose(
            numSub -> {
              if (numSub <= 1) {
                return CompletableFuture.completedFuture(mine);
              }
              String requestId = randomId(6);
              ObjectNode request = request(RequestType.REMOTE_FETCH).put("requestId", requestId);
              request.set("opts", wireOptions(target, null).without("flags"));
              PendingRequest pending = new PendingRequest(RequestType.REMOTE_FETCH, numSub);
              pending.sockets.addAll(mine);
              return send(requestId, pending, request, "fetchSockets")
                  .thenApply(done -> List.copyOf(pending.sockets));
            });
  }

  @Override
  public void addSockets(BroadcastOptions target, Collection<String> rooms) {
    local.addSockets(target, rooms);
    if (!target.isLocal()) {
      ObjectNode request = request(RequestType.REMOTE_JOIN);
      request.set("opts", wireOptions(target, null).without("flags"));
      request.set("rooms", strings(rooms));
      publishJson(requestChannel, request);
    }
  }

  @Override
  public void delSockets(BroadcastOptions target, Collection<String> rooms) {
    local.delSockets(target, rooms);
    if (!target.isLocal()) {
      ObjectNode request = request(RequestType.REMOTE_LEAVE);
      request.set("opts", wireOptions(target, null).without("flags"));
      request.set("rooms", strings(rooms));
      publishJson(requestChannel, request);
    }
  }

  @Override
  public void disconnectSockets(BroadcastOptions target, boolean close) {
    if (!target.isLocal()) {
      ObjectNode request = request(RequestType.REMOTE_DISCONNECT);
      request.set("opts", wireOptions(target, null).without("flags"));
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
    return serverCount()
        .thenCompose(
            count -> {
              int others = count - 1;
              if (others <= 0) {
                return CompletableFuture.completedFuture(List.<JsonNode>of());
              }
              String requestId = randomId(6);
              ObjectNode request =
                  request(RequestType.SERVER_SIDE_EMIT).put("requestId", requestId);
              request.set("data", Json.MAPPER.createArrayNode().addAll(eventAndArgs));
              PendingRequest pending = new PendingRequest(RequestType.SERVER_SIDE_EMIT, others);
              return send(requestId, pending, request, "serverSideEmit")
                  .thenApply(done -> List.copyOf(pending.responses));
            });
  }

  @Override
  public CompletableFuture<Integer> serverCount() {
    return redis.numsub(requestChannel);
  }

  /** Registers the request, publishes it, and fails it after the requests timeout. */
  private CompletableFuture<Void> send(
      String requestId, PendingRequest pending, ObjectNode request, String what) {
    requests.put(requestId, pending);
    ScheduledFuture<?> timer =
        redis.schedule(
            () -> {
              if (requests.remove(requestId) != null) {
                pending.done.completeExceptionally(
                    new TimeoutException(
                        "timeout reached: only "
                            + pending.answered
                            + " of "
                            + pending.expected
                            + " nodes answered "
                            + what
                            + " within "
                            + options.requestsTimeout().toMillis()
                            + " ms"));
              }
            },
            options.requestsTimeout());
    pending.done.whenComplete((ok, failure) -> timer.cancel(false));
    publishJson(requestChannel, request);
    return pending.done;
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
        targetOf(decoded.get(2)).asLocal());
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
        if (requestId == null || requests.containsKey(requestId)) {
          return;
        }
        BroadcastOptions target =
            new BroadcastOptions(texts(request.path("rooms")), Set.of(), false);
        ObjectNode response = Json.MAPPER.createObjectNode().put("requestId", requestId);
        response.set("sockets", strings(local.socketIds(target)));
        publishResponse(request, response);
      }
      case ALL_ROOMS -> {
        if (requestId == null || requests.containsKey(requestId)) {
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
        if (requestId == null || requests.containsKey(requestId)) {
          return;
        }
        ObjectNode response = Json.MAPPER.createObjectNode().put("requestId", requestId);
        ArrayNode found = response.putArray("sockets");
        for (SocketDetails socket : local.fetchSockets(targetOf(request.path("opts"))).join()) {
          ObjectNode described = found.addObject().put("id", socket.id());
          described.set("handshake", socket.handshake());
          described.set("rooms", strings(socket.rooms()));
          described.set("data", socket.data());
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
            || ackRequests.containsKey(requestId)
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
            targetOf(request.path("opts")).asLocal(),
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
      BroadcastOptions target = targetOf(request.get("opts")).asLocal();
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
    AckRequest ack = ackRequests.get(requestId);
    if (ack != null) {
      RequestType type = RequestType.of(response.path("type").asInt(-1));
      if (type == RequestType.BROADCAST_CLIENT_COUNT) {
        ack.clientCount.accept(response.path("clientCount").asInt(0));
      } else if (type == RequestType.BROADCAST_ACK) {
        ack.ack.accept(response.path("packet"));
      }
      return;
    }
    PendingRequest pending = requests.get(requestId);
    if (pending == null) {
      return; // another node's request, or one that timed out
    }
    boolean complete;
    synchronized (pending) {
      if (pending.type == RequestType.SERVER_SIDE_EMIT) {
        pending.responses.add(response.path("data"));
      } else {
        for (JsonNode socket : response.path("sockets")) {
          pending.sockets.add(
              new SocketDetails(
                  socket.path("id").asText(""),
                  socket.path("handshake"),
                  texts(socket.path("rooms")),
                  socket.has("data") ? socket.get("data") : Json.MAPPER.nullNode()));
        }
      }
      pending.answered++;
      complete = pending.answered >= pending.expected;
    }
    if (complete && requests.remove(requestId, pending)) {
      pending.done.complete(null);
    }
  }

  // ---- wire shapes ----

  /** {@code {type: 2, data, nsp}}, the key order of the Node adapter. */
  private ObjectNode wirePacket(Packet packet) {
    ObjectNode wire = Json.MAPPER.createObjectNode().put("type", PacketType.EVENT.ordinal());
    wire.set("data", packet.data());
    wire.put("nsp", namespace);
    return wire;
  }

  /** {@code {rooms, except, flags}}; flags hold volatile and an ack timeout when set. */
  private static ObjectNode wireOptions(BroadcastOptions target, Duration ackTimeout) {
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

  private static BroadcastOptions targetOf(JsonNode wire) {
    return new BroadcastOptions(
        texts(wire.path("rooms")),
        texts(wire.path("except")),
        wire.path("flags").path("volatile").asBoolean(false));
  }

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
                long now = System.nanoTime();
                if (now - lastPublishWarning >= WARN_INTERVAL_NANOS) {
                  lastPublishWarning = now;
                  LOG.warn(
                      "could not publish to {} at {} ({}); other nodes miss it (logged once per"
                          + " 10 s)",
                      destination,
                      redis.url(),
                      failure.getMessage());
                }
              }
            });
  }

  private static ArrayNode strings(Collection<String> values) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    // A numeric room name arrives as a number from Node; its text form is the room.
    array.forEach(value -> out.add(value.isTextual() ? value.textValue() : value.asText()));
    return out;
  }

  static String randomId(int length) {
    StringBuilder id = new StringBuilder(length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return id.toString();
  }

  @Override
  public void close() {
    redis.removeReceiver(this);
    redis.unsubscribe(channel + "*", requestChannel, responseChannel, specificResponseChannel);
    requests
        .values()
        .forEach(
            pending ->
                pending.done.completeExceptionally(
                    new IllegalStateException("the adapter of " + namespace + " closed")));
    requests.clear();
    ackRequests.clear();
    local.close();
  }

  /** A request waiting for {@code expected} answers. Guarded by its own lock. */
  private static final class PendingRequest {
    final RequestType type;
    final int expected;
    final List<SocketDetails> sockets = new ArrayList<>();
    final List<JsonNode> responses = new ArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    int answered;

    PendingRequest(RequestType type, int numSub) {
      this.type = type;
      // fetchSockets counts this node as the first answer (numSub includes it); serverSideEmit
      // is given the number of other nodes.
      this.expected = numSub;
      this.answered = type == RequestType.SERVER_SIDE_EMIT ? 0 : 1;
    }
  }

  private record AckRequest(IntConsumer clientCount, Consumer<JsonNode> ack) {}
}
