package dev.wirelab.chat.socketio.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.adapter.InMemoryAdapter;
import dev.wirelab.chat.socketio.adapter.LocalNamespace;
import dev.wirelab.chat.socketio.adapter.SocketDetails;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * socket.io-adapter's {@code ClusterAdapter} ({@code cluster-adapter.ts}), function for function:
 * every operation that reaches other nodes becomes a {@link ClusterMessage}, and every node answers
 * every request, an empty answer included, so no requester waits out its timeout. A subclass is the
 * transport: it publishes messages and responses and hands back what arrives.
 *
 * <p>Two choices differ from Node's and are why: socketsJoin, socketsLeave and disconnectSockets
 * act on this node at once (they still work while the transport is down); and when the transport
 * returns an offset for a broadcast (a log such as a Redis stream), this node delivers its own
 * broadcast when it reads it back from the log, not when the publish returns, so every socket of
 * every node sees the log's order and a recovering socket can trust its offset.
 */
public abstract class ClusterAdapter extends LocalMembership {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterAdapter.class);

  protected final String namespace;
  protected final String uid = ClusterWire.hexId();
  private final LocalNamespace sockets;
  private final ClusterRequests requests;
  private final Duration requestsTimeout;
  private final boolean appendsOffsets;
  protected final PublishFailures failures;

  /**
   * @param appendsOffsets whether broadcasts get their offset as last argument (connection state
   *     recovery is on)
   */
  protected ClusterAdapter(
      String namespace,
      LocalNamespace sockets,
      Duration requestsTimeout,
      boolean appendsOffsets,
      ClusterRequests.Scheduler scheduler,
      PublishFailures failures) {
    // The local part logs nothing: offsets are the transport's, the same on every node.
    super(new InMemoryAdapter(sockets));
    this.namespace = namespace;
    this.sockets = sockets;
    this.requests = new ClusterRequests(scheduler);
    this.requestsTimeout = requestsTimeout;
    this.appendsOffsets = appendsOffsets;
    this.failures = failures;
  }

  /** This node's id on the wire (16 hex digits). */
  public String uid() {
    return uid;
  }

  // ---- the transport ----

  /** Sends a message to every other node; completes with its offset, or null without a log. */
  protected abstract CompletableFuture<String> doPublish(ClusterMessage message);

  /** Sends a response to the node that asked. */
  protected abstract CompletableFuture<?> doPublishResponse(
      String requesterUid, ClusterMessage response);

  /**
   * Who a broadcast read back at {@code offset} goes to on this node; a transport that replays
   * packets to recovering sockets narrows it so no socket gets one twice.
   */
  protected BroadcastOptions recipients(BroadcastOptions target, String offset) {
    return target;
  }

  // ---- what this node sends ----

  @Override
  public void broadcast(Packet packet, BroadcastOptions target) {
    if (target.isLocal()) {
      local.broadcast(packet, target);
      return;
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("packet", ClusterWire.packet(packet.data()));
    data.set("opts", ClusterWire.options(target, null));
    publish(MessageType.BROADCAST, data)
        .whenComplete(
            (offset, failure) -> {
              // With an offset the broadcast comes back through the log and is delivered then.
              if (failure != null || offset == null) {
                local.broadcast(packet, target);
              }
            });
  }

  @Override
  public void broadcastWithAck(
      Packet packet,
      BroadcastOptions target,
      Duration timeout,
      IntConsumer clientCount,
      Consumer<JsonNode> ack) {
    if (!target.isLocal()) {
      String requestId = ClusterWire.hexId();
      requests.expectAcks(requestId, clientCount, ack, timeout);
      ObjectNode data = Json.MAPPER.createObjectNode();
      data.set("packet", ClusterWire.packet(packet.data()));
      data.put("requestId", requestId);
      data.set("opts", ClusterWire.options(target, timeout));
      publish(MessageType.BROADCAST, data);
    }
    local.broadcastWithAck(packet, target, timeout, clientCount, ack);
  }

  @Override
  public CompletableFuture<List<SocketDetails>> fetchSockets(BroadcastOptions target) {
    List<SocketDetails> mine = local.fetchSockets(target).join();
    if (target.isLocal()) {
      return CompletableFuture.completedFuture(mine);
    }
    String requestId = ClusterWire.hexId();
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("opts", ClusterWire.options(target, null));
    data.put("requestId", requestId);
    return requests.askOthers(
        serverCount(),
        requestId,
        mine,
        requestsTimeout,
        "fetchSockets",
        () -> publish(MessageType.FETCH_SOCKETS, data));
  }

  @Override
  public void addSockets(BroadcastOptions target, Collection<String> rooms) {
    local.addSockets(target, rooms);
    publishMembership(MessageType.SOCKETS_JOIN, target, rooms);
  }

  @Override
  public void delSockets(BroadcastOptions target, Collection<String> rooms) {
    local.delSockets(target, rooms);
    publishMembership(MessageType.SOCKETS_LEAVE, target, rooms);
  }

  private void publishMembership(
      MessageType type, BroadcastOptions target, Collection<String> rooms) {
    if (!target.isLocal()) {
      ObjectNode data = Json.MAPPER.createObjectNode();
      data.set("opts", ClusterWire.options(target, null));
      data.set("rooms", ClusterWire.strings(rooms));
      publish(type, data);
    }
  }

  @Override
  public void disconnectSockets(BroadcastOptions target, boolean close) {
    if (!target.isLocal()) {
      ObjectNode data = Json.MAPPER.createObjectNode();
      data.set("opts", ClusterWire.options(target, null));
      data.put("close", close);
      publish(MessageType.DISCONNECT_SOCKETS, data);
    }
    local.disconnectSockets(target, close);
  }

  @Override
  public void serverSideEmit(List<JsonNode> eventAndArgs) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("packet", Json.MAPPER.createArrayNode().addAll(eventAndArgs));
    publish(MessageType.SERVER_SIDE_EMIT, data);
  }

  @Override
  public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(
      List<JsonNode> eventAndArgs, Duration timeout) {
    String requestId = ClusterWire.hexId();
    ObjectNode data = Json.MAPPER.createObjectNode().put("requestId", requestId);
    data.set("packet", Json.MAPPER.createArrayNode().addAll(eventAndArgs));
    return requests.askOthers(
        serverCount(),
        requestId,
        List.<JsonNode>of(),
        timeout,
        "serverSideEmit",
        () -> publish(MessageType.SERVER_SIDE_EMIT, data));
  }

  private CompletableFuture<String> publish(MessageType type, ObjectNode data) {
    CompletableFuture<String> offset = doPublish(new ClusterMessage(type, data, uid, namespace));
    offset.whenComplete(
        (ok, failure) -> {
          if (failure != null) {
            failures.failed(type + " of " + namespace, failure);
          }
        });
    return offset;
  }

  private void respond(String requesterUid, MessageType type, ObjectNode data) {
    doPublishResponse(requesterUid, new ClusterMessage(type, data, uid, namespace))
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                failures.failed(type + " to " + requesterUid, failure);
              }
            });
  }

  // ---- what other nodes send ----

  /**
   * Handles a message from the cluster; {@code offset} is its place in the log, or null when it
   * came without one. This node's own messages are ignored, except broadcasts read back from the
   * log, which is when this node delivers them.
   */
  protected void onMessage(ClusterMessage message, String offset) {
    if (!message.nsp().equals(namespace)) {
      return;
    }
    boolean mine = uid.equals(message.uid());
    String requestId = message.requestId();
    ObjectNode data = message.data();
    if (mine && !(message.type() == MessageType.BROADCAST && requestId == null && offset != null)) {
      return;
    }
    switch (message.type()) {
      case BROADCAST -> {
        if (requestId == null) {
          deliver(data, offset);
        } else {
          broadcastForAcks(message.uid(), requestId, data);
        }
      }
      case SOCKETS_JOIN ->
          local.addSockets(
              ClusterWire.target(data.path("opts")).asLocal(),
              ClusterWire.texts(data.path("rooms")));
      case SOCKETS_LEAVE ->
          local.delSockets(
              ClusterWire.target(data.path("opts")).asLocal(),
              ClusterWire.texts(data.path("rooms")));
      case DISCONNECT_SOCKETS ->
          local.disconnectSockets(
              ClusterWire.target(data.path("opts")).asLocal(), data.path("close").asBoolean(false));
      case FETCH_SOCKETS -> {
        ObjectNode response = Json.MAPPER.createObjectNode().put("requestId", requestId);
        ArrayNode found = response.putArray("sockets");
        local
            .fetchSockets(ClusterWire.target(data.path("opts")).asLocal())
            .join()
            .forEach(socket -> found.add(ClusterWire.describe(socket)));
        respond(message.uid(), MessageType.FETCH_SOCKETS_RESPONSE, response);
      }
      case SERVER_SIDE_EMIT -> {
        List<JsonNode> eventAndArgs = new ArrayList<>();
        data.path("packet").forEach(eventAndArgs::add);
        Consumer<JsonNode> ack =
            requestId == null
                ? null
                : answer -> {
                  ObjectNode response = Json.MAPPER.createObjectNode().put("requestId", requestId);
                  response.set("packet", answer);
                  respond(message.uid(), MessageType.SERVER_SIDE_EMIT_RESPONSE, response);
                };
        sockets.onServerSideEmit(eventAndArgs, ack);
      }
      case BROADCAST_CLIENT_COUNT,
          BROADCAST_ACK,
          FETCH_SOCKETS_RESPONSE,
          SERVER_SIDE_EMIT_RESPONSE ->
          onResponse(message);
      default -> LOG.debug("ignoring a {} from {}", message.type(), message.uid());
    }
  }

  /** Handles an answer to one of this node's requests. */
  protected void onResponse(ClusterMessage response) {
    String requestId = response.requestId();
    if (requestId == null) {
      return;
    }
    JsonNode data = response.data();
    switch (response.type()) {
      case BROADCAST_CLIENT_COUNT ->
          requests.clientCount(requestId, data.path("clientCount").asInt(0));
      case BROADCAST_ACK -> requests.ack(requestId, data.path("packet"));
      case FETCH_SOCKETS_RESPONSE ->
          requests.answer(requestId, ClusterWire.sockets(data.path("sockets")));
      case SERVER_SIDE_EMIT_RESPONSE -> requests.answer(requestId, List.of(data.path("packet")));
      default -> LOG.debug("ignoring a {} sent as a response", response.type());
    }
  }

  private void deliver(JsonNode data, String offset) {
    JsonNode eventAndArgs = data.path("packet").path("data");
    if (!eventAndArgs.isArray()) {
      LOG.warn("ignoring a cluster broadcast to {} without packet data", namespace);
      return;
    }
    BroadcastOptions target = ClusterWire.target(data.path("opts"));
    Packet packet =
        appendsOffsets && offset != null && !target.isVolatile()
            ? loggedEvent(eventAndArgs, offset)
            : new Packet(PacketType.EVENT, namespace, Packet.NO_ACK, eventAndArgs);
    local.broadcast(packet, recipients(target, offset).asLocal());
  }

  /** The EVENT with its offset as last argument, as a client that may recover receives it. */
  protected Packet loggedEvent(JsonNode eventAndArgs, String offset) {
    return new Packet(PacketType.EVENT, namespace, Packet.NO_ACK, eventAndArgs)
        .withAppended(TextNode.valueOf(offset));
  }

  private void broadcastForAcks(String requesterUid, String requestId, JsonNode data) {
    JsonNode eventAndArgs = data.path("packet").path("data");
    if (!eventAndArgs.isArray()) {
      LOG.warn("ignoring a cluster broadcast with ack to {} without packet data", namespace);
      return;
    }
    long timeoutMillis =
        data.path("opts").path("flags").path("timeout").asLong(requestsTimeout.toMillis());
    local.broadcastWithAck(
        new Packet(PacketType.EVENT, namespace, Packet.NO_ACK, eventAndArgs),
        ClusterWire.target(data.path("opts")).asLocal(),
        Duration.ofMillis(timeoutMillis),
        count ->
            respond(
                requesterUid,
                MessageType.BROADCAST_CLIENT_COUNT,
                Json.MAPPER
                    .createObjectNode()
                    .put("requestId", requestId)
                    .put("clientCount", count)),
        answer -> {
          ObjectNode response = Json.MAPPER.createObjectNode().put("requestId", requestId);
          response.set("packet", answer);
          respond(requesterUid, MessageType.BROADCAST_ACK, response);
        });
  }

  @Override
  public void close() {
    requests.close("the adapter of " + namespace + " closed");
    local.close();
  }
}
