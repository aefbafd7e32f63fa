package dev.wirelab.chat.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.protocol.Packet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A broadcast target being described: {@code nsp.to("room-a").except("muted").emit("news", text)}.
 * Immutable: each method returns a new operator, so a partly built one can be reused. With a
 * cluster adapter every operation reaches the sockets on every node, unless {@link #local()}.
 */
public final class BroadcastOperator {
  private final Namespace namespace;
  private final BroadcastOptions options;

  /** How long {@link #emitWithAck} waits; null until {@link #timeout} sets it. */
  private final Duration ackTimeout;

  BroadcastOperator(Namespace namespace, BroadcastOptions options) {
    this(namespace, options, null);
  }

  private BroadcastOperator(Namespace namespace, BroadcastOptions options, Duration ackTimeout) {
    this.namespace = namespace;
    this.options = options;
    this.ackTimeout = ackTimeout;
  }

  /** Also targets these rooms (a socket in several of them receives the packet once). */
  public BroadcastOperator to(String... rooms) {
    Set<String> targets = new HashSet<>(options.rooms());
    targets.addAll(List.of(rooms));
    return new BroadcastOperator(
        namespace,
        new BroadcastOptions(targets, options.except(), options.isVolatile(), options.isLocal()),
        ackTimeout);
  }

  /** Same as {@link #to}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Leaves out the members of these rooms. */
  public BroadcastOperator except(String... rooms) {
    Set<String> excluded = new HashSet<>(options.except());
    excluded.addAll(List.of(rooms));
    return new BroadcastOperator(
        namespace,
        new BroadcastOptions(options.rooms(), excluded, options.isVolatile(), options.isLocal()),
        ackTimeout);
  }

  /** Drops the packet for recipients whose connection is busy, instead of queueing it. */
  public BroadcastOperator asVolatile() {
    return new BroadcastOperator(
        namespace,
        new BroadcastOptions(options.rooms(), options.except(), true, options.isLocal()),
        ackTimeout);
  }

  /** Keeps the operation on this node: other nodes of the cluster are not told. */
  public BroadcastOperator local() {
    return new BroadcastOperator(namespace, options.asLocal(), ackTimeout);
  }

  /** How long {@link #emitWithAck} waits for every client's ack. */
  public BroadcastOperator timeout(Duration timeout) {
    return new BroadcastOperator(namespace, options, Objects.requireNonNull(timeout, "timeout"));
  }

  /** Sends the event to every targeted socket; it is encoded once for all of them. */
  public void emit(String event, Object... args) {
    namespace
        .adapter()
        .broadcast(
            Packet.event(namespace.name(), Payloads.event(event, args), Packet.NO_ACK), options);
  }

  /**
   * Sends the event to every targeted socket on every node, each asked for an ack, and completes
   * with their answers (each ack's first argument) once all of them came; fails with a {@link
   * java.util.concurrent.TimeoutException} after the {@link #timeout}, which is required.
   */
  public CompletableFuture<List<JsonNode>> emitWithAck(String event, Object... args) {
    if (ackTimeout == null) {
      throw new IllegalStateException("emitWithAck needs a timeout: to(room).timeout(d)");
    }
    Packet packet = Packet.event(namespace.name(), Payloads.event(event, args), Packet.NO_ACK);
    CompletableFuture<List<JsonNode>> result = new CompletableFuture<>();
    BroadcastAcks acks = new BroadcastAcks(result);
    ScheduledFuture<?> timer = namespace.server().schedule(acks::timeOut, ackTimeout);
    result.whenComplete((answers, failure) -> timer.cancel(false));
    namespace.adapter().broadcastWithAck(packet, options, ackTimeout, acks::clientCount, acks::ack);
    namespace
        .adapter()
        .serverCount()
        .whenComplete(
            (count, failure) -> {
              if (failure != null) {
                result.completeExceptionally(failure);
              } else {
                acks.serverCount(count);
              }
            });
    return result;
  }

  /**
   * Every targeted socket on every node of the cluster, described (Node's {@code fetchSockets}).
   * Fails when a node does not answer within the adapter's request timeout.
   */
  public CompletableFuture<List<RemoteSocket>> fetchClusterSockets() {
    return namespace
        .adapter()
        .fetchSockets(options)
        .thenApply(
            all -> all.stream().map(details -> new RemoteSocket(namespace, details)).toList());
  }

  /** The targeted sockets connected to this node (the cluster's: {@link #fetchClusterSockets}). */
  public List<Socket> fetchSockets() {
    return namespace.adapter().socketIds(options).stream()
        .map(namespace::socket)
        .flatMap(Optional::stream)
        .toList();
  }

  /** Makes every targeted socket, on every node, join these rooms. */
  public void socketsJoin(String... rooms) {
    namespace.adapter().addSockets(options, List.of(rooms));
  }

  /** Makes every targeted socket, on every node, leave these rooms. */
  public void socketsLeave(String... rooms) {
    namespace.adapter().delSockets(options, List.of(rooms));
  }

  /** Disconnects every targeted socket on every node; with {@code close}, their connections. */
  public void disconnectSockets(boolean close) {
    namespace.adapter().disconnectSockets(options, close);
  }
}
