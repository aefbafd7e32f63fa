package dev.wirelab.chat.socketio;

import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.protocol.Packet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A broadcast target being described: {@code nsp.to("room-a").except("muted").emit("news", text)}.
 * Immutable: each method returns a new operator, so a partly built one can be reused.
 */
public final class BroadcastOperator {
  private final Namespace namespace;
  private final BroadcastOptions options;

  BroadcastOperator(Namespace namespace, BroadcastOptions options) {
    this.namespace = namespace;
    this.options = options;
  }

  /** Also targets these rooms (a socket in several of them receives the packet once). */
  public BroadcastOperator to(String... rooms) {
    Set<String> targets = new HashSet<>(options.rooms());
    targets.addAll(List.of(rooms));
    return new BroadcastOperator(namespace,
        new BroadcastOptions(targets, options.except(), options.isVolatile()));
  }

  /** Same as {@link #to}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Leaves out the members of these rooms. */
  public BroadcastOperator except(String... rooms) {
    Set<String> excluded = new HashSet<>(options.except());
    excluded.addAll(List.of(rooms));
    return new BroadcastOperator(namespace,
        new BroadcastOptions(options.rooms(), excluded, options.isVolatile()));
  }

  /** Drops the packet for recipients whose connection is busy, instead of queueing it. */
  public BroadcastOperator asVolatile() {
    return new BroadcastOperator(namespace,
        new BroadcastOptions(options.rooms(), options.except(), true));
  }

  /** Sends the event to every targeted socket; it is encoded once for all of them. */
  public void emit(String event, Object... args) {
    namespace.adapter().broadcast(
        Packet.event(namespace.name(), Payloads.event(event, args), Packet.NO_ACK), options);
  }

  /** The targeted sockets connected to this server. */
  public List<Socket> fetchSockets() {
    return namespace.adapter().socketIds(options).stream()
        .map(namespace::socket)
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  /** Makes every targeted socket join these rooms. */
  public void socketsJoin(String... rooms) {
    fetchSockets().forEach(socket -> socket.join(rooms));
  }

  /** Makes every targeted socket leave these rooms. */
  public void socketsLeave(String... rooms) {
    fetchSockets().forEach(socket -> socket.leave(rooms));
  }

  /** Disconnects every targeted socket; with {@code close}, their whole connections. */
  public void disconnectSockets(boolean close) {
    fetchSockets().forEach(socket -> socket.disconnect(close));
  }
}
