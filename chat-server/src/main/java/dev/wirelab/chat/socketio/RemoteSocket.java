package dev.wirelab.chat.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.adapter.SocketDetails;
import java.util.List;
import java.util.Set;

/**
 * A socket found by {@link BroadcastOperator#fetchClusterSockets()}, on this node or another: what
 * Node calls a {@code RemoteSocket}. Its details are a snapshot; its methods act on the live socket
 * wherever it is, through the adapter.
 */
public final class RemoteSocket {
  private final Namespace namespace;
  private final SocketDetails details;

  RemoteSocket(Namespace namespace, SocketDetails details) {
    this.namespace = namespace;
    this.details = details;
  }

  public String id() {
    return details.id();
  }

  /** {@code {headers, time, address, xdomain, secure, issued, url, query, auth}}, as in Node. */
  public JsonNode handshake() {
    return details.handshake();
  }

  /** The rooms when it was fetched, its own id room included. */
  public Set<String> rooms() {
    return details.rooms();
  }

  /** Its {@code data} when it was fetched, as JSON. */
  public JsonNode data() {
    return details.data();
  }

  /** Sends an event to this socket, whichever node holds it. */
  public void emit(String event, Object... args) {
    namespace.to(id()).emit(event, args);
  }

  public void join(String... rooms) {
    namespace.adapter().addSockets(onlyThis(), List.of(rooms));
  }

  public void leave(String... rooms) {
    namespace.adapter().delSockets(onlyThis(), List.of(rooms));
  }

  /** Disconnects it from the namespace; with {@code close}, closes its connection. */
  public void disconnect(boolean close) {
    namespace.adapter().disconnectSockets(onlyThis(), close);
  }

  private BroadcastOptions onlyThis() {
    return new BroadcastOptions(Set.of(id()), Set.of(), false);
  }

  @Override
  public String toString() {
    return "RemoteSocket[" + id() + " in " + namespace.name() + ", rooms " + rooms() + "]";
  }
}
