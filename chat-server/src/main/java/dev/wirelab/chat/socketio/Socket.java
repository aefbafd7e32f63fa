package dev.wirelab.chat.socketio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.engineio.EngineIoSocket;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketEncoder;
import dev.wirelab.chat.socketio.protocol.PacketType;
import dev.wirelab.chat.socketio.recovery.PersistedSession;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client in one namespace: what the JavaScript server calls {@code socket}. Listeners run on
 * the connection's event loop; every method may be called from any thread.
 */
public final class Socket {
  private static final Logger LOG = LoggerFactory.getLogger(Socket.class);
  private static final VarHandle NEXT_ACK_ID;
  private static final VarHandle CONNECTED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      NEXT_ACK_ID = lookup.findVarHandle(Socket.class, "nextAckId", long.class);
      CONNECTED = lookup.findVarHandle(Socket.class, "connected", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String id;
  private final String pid;
  private final Namespace namespace;
  private final ClientConnection client;
  private final SocketHandshake handshake;
  private final boolean recovered;
  private final String joinOffset;
  private final Map<String, Object> data = new ConcurrentHashMap<>(2);

  /** Per event name; an immutable map replaced under this socket's lock, like the lists below. */
  private volatile Map<String, List<EventListener>> listeners = Map.of();

  // Listener lists are replaced, never changed, under the lock of this socket (ListenerLists).
  private volatile List<AnyListener> anyListeners = List.of();
  private volatile List<DisconnectListener> disconnectingListeners = List.of();
  private volatile List<DisconnectListener> disconnectListeners = List.of();

  /** Created by the first emit with an ack: most sockets never wait for one. */
  private volatile Map<Long, CompletableFuture<Args>> pendingAcks;

  // Plain volatile fields with VarHandles rather than Atomic* objects: three objects fewer per
  // socket, which counts with thousands of idle ones.
  private volatile long nextAckId = 1;
  private volatile boolean connected;

  /** Set once the socket is gone for good (disconnected, or refused by a middleware). */
  private volatile boolean ended;

  private Socket(
      Namespace namespace,
      ClientConnection client,
      SocketHandshake handshake,
      String id,
      String pid,
      boolean recovered,
      String joinOffset) {
    this.namespace = namespace;
    this.client = client;
    this.handshake = handshake;
    this.id = id;
    this.pid = pid;
    this.recovered = recovered;
    this.joinOffset = joinOffset;
  }

  /** A new socket; {@code pid} and {@code joinOffset} are null without recovery. */
  static Socket fresh(
      Namespace namespace,
      ClientConnection client,
      SocketHandshake handshake,
      String pid,
      String joinOffset) {
    return new Socket(namespace, client, handshake, SocketIds.next(), pid, false, joinOffset);
  }

  /** A socket taking over a persisted session: same id, private id and data. */
  static Socket recovered(
      Namespace namespace,
      ClientConnection client,
      SocketHandshake handshake,
      PersistedSession session) {
    Socket socket =
        new Socket(
            namespace, client, handshake, session.sid(), session.pid(), true, session.joinOffset());
    socket.data.putAll(session.data());
    return socket;
  }

  /** The socket id, also the name of the room only this socket is in. */
  public String id() {
    return id;
  }

  public Namespace namespace() {
    return namespace;
  }

  public SocketHandshake handshake() {
    return handshake;
  }

  /** Application data attached to this socket; survives a connection state recovery. */
  public Map<String, Object> data() {
    return data;
  }

  /**
   * True when this socket took over a session that lost its connection, missed packets replayed.
   */
  public boolean recovered() {
    return recovered;
  }

  public boolean connected() {
    return connected;
  }

  /** The rooms this socket is in, its own id room included. */
  public Set<String> rooms() {
    return namespace.adapter().rooms(id);
  }

  /** The Engine.IO session underneath; closing it drops every namespace of this client. */
  public EngineIoSocket conn() {
    return client.conn();
  }

  /** Calls {@code listener} whenever the client emits {@code event}. */
  public synchronized Socket on(String event, EventListener listener) {
    listeners = ListenerLists.with(listeners, event, listener);
    return this;
  }

  /** Calls {@code listener} for every event the client emits. */
  public synchronized Socket onAny(AnyListener listener) {
    anyListeners = ListenerLists.concat(anyListeners, List.of(listener));
    return this;
  }

  /**
   * Calls {@code listener} once when the socket is disconnecting, while {@link #rooms()} still
   * lists its rooms: the moment to tell them it leaves.
   */
  public synchronized Socket onDisconnecting(DisconnectListener listener) {
    disconnectingListeners = ListenerLists.concat(disconnectingListeners, List.of(listener));
    return this;
  }

  /** Calls {@code listener} once when the socket disconnects, after it has left its rooms. */
  public synchronized Socket onDisconnect(DisconnectListener listener) {
    disconnectListeners = ListenerLists.concat(disconnectListeners, List.of(listener));
    return this;
  }

  /**
   * Joins rooms; on a socket that has ended this does nothing (e.g. a join after a slow lookup).
   */
  public Socket join(String... rooms) {
    namespace.adapter().join(id, List.of(rooms));
    // Checked after joining: a disconnection racing with this join cannot leave rooms behind.
    if (ended) {
      namespace.adapter().leaveAll(id);
    } else {
      sessionChanged();
    }
    return this;
  }

  public Socket leave(String... rooms) {
    for (String room : rooms) {
      namespace.adapter().leave(id, room);
    }
    sessionChanged();
    return this;
  }

  /** Tells the adapter this socket's session as it is now (with recovery, while connected). */
  void sessionChanged() {
    if (pid != null && !ended) {
      namespace.adapter().sessionChanged(session());
    }
  }

  /** What recovery keeps of this socket, as of now. */
  private PersistedSession session() {
    return new PersistedSession(
        id, pid, rooms(), data, joinOffset, namespace.server().options().clock().millis());
  }

  /**
   * Sends an event to this client. With connection state recovery it is logged like a broadcast to
   * this socket's room, so it is replayed if the connection drops before it arrives.
   */
  public void emit(String event, Object... args) {
    Packet packet = Packet.event(namespace.name(), Payloads.event(event, args), Packet.NO_ACK);
    if (pid != null) {
      // Local: the socket is on this node, other nodes need not hear of it.
      namespace
          .adapter()
          .broadcast(packet, new BroadcastOptions(Set.of(id), Set.of(), false, true));
    } else {
      send(packet);
    }
  }

  /**
   * Sends an event and completes with the client's acknowledgement; fails with a {@link
   * TimeoutException} when none arrives within {@code timeout}, and with an {@link
   * IllegalStateException} when the socket disconnects first.
   */
  public CompletableFuture<Args> emitWithAck(String event, Duration timeout, Object... args) {
    return emitWithAck(Payloads.event(event, args), timeout);
  }

  /** {@link #emitWithAck(String, Duration, Object...)} for a ready {@code [event, ...args]}. */
  CompletableFuture<Args> emitWithAck(ArrayNode eventAndArgs, Duration timeout) {
    String event = eventAndArgs.path(0).asText();
    CompletableFuture<Args> future = new CompletableFuture<>();
    if (!connected) {
      future.completeExceptionally(new IllegalStateException("socket " + id + " is disconnected"));
      return future;
    }
    long ackId = (long) NEXT_ACK_ID.getAndAdd(this, 1L);
    Map<Long, CompletableFuture<Args>> waiting = pendingAcks();
    waiting.put(ackId, future);
    ScheduledFuture<?> timer;
    try {
      timer =
          namespace
              .server()
              .schedule(
                  () -> {
                    if (waiting.remove(ackId) != null) {
                      future.completeExceptionally(
                          new TimeoutException(
                              "no ack for '" + event + "' within " + timeout.toMillis() + " ms"));
                    }
                  },
                  timeout);
    } catch (IllegalStateException serverClosed) {
      waiting.remove(ackId);
      future.completeExceptionally(serverClosed);
      return future;
    }
    future.whenComplete((result, failure) -> timer.cancel(false));
    send(Packet.event(namespace.name(), eventAndArgs, ackId));
    return future;
  }

  /** Broadcasts to these rooms, leaving this socket out. */
  public BroadcastOperator to(String... rooms) {
    return broadcast().to(rooms);
  }

  /** Same as {@link #to}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Broadcasts to the whole namespace except the members of these rooms and this socket. */
  public BroadcastOperator except(String... rooms) {
    return broadcast().except(rooms);
  }

  /** Broadcasts to every other socket of the namespace. */
  public BroadcastOperator broadcast() {
    return namespace.except(id);
  }

  /**
   * Disconnects from this namespace with a DISCONNECT packet (the client will not reconnect by
   * itself); with {@code close}, closes the whole connection and so every namespace of it.
   */
  public void disconnect(boolean close) {
    if (!connected) {
      return;
    }
    if (close) {
      client.disconnectAll();
    } else {
      send(new Packet(PacketType.DISCONNECT, namespace.name(), Packet.NO_ACK, null));
      onClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    }
  }

  void setConnected(boolean value) {
    connected = value;
  }

  /**
   * A socket that never got in (refused, or its connection closed first) drops any room it joined.
   */
  void abandon() {
    ended = true;
    namespace.adapter().leaveAll(id);
  }

  /** The CONNECT reply: {@code {"sid": id}} plus {@code "pid"} with recovery. */
  void sendConnect() {
    ObjectNode payload = Json.MAPPER.createObjectNode().put("sid", id);
    if (pid != null) {
      payload.put("pid", pid);
    }
    send(new Packet(PacketType.CONNECT, namespace.name(), Packet.NO_ACK, payload));
  }

  void sendAck(long ackId, Object[] args) {
    send(new Packet(PacketType.ACK, namespace.name(), ackId, Payloads.array(args)));
  }

  void send(Packet packet) {
    client.write(PacketEncoder.encode(packet));
  }

  /** Writes a packet encoded earlier, e.g. a logged broadcast replayed after recovery. */
  void write(EncodedPacket packet) {
    client.write(packet);
  }

  void onPacket(Packet packet) {
    switch (packet.type()) {
      case EVENT, BINARY_EVENT -> onEvent(packet);
      case ACK, BINARY_ACK -> onAck(packet);
      case DISCONNECT -> onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
      default ->
          client.fail(
              DisconnectReason.PARSE_ERROR,
              "unexpected " + packet.type() + " packet in " + namespace.name());
    }
  }

  private void onEvent(Packet packet) {
    String event = packet.data().get(0).asText();
    Args args = Args.of(packet.data(), 1);
    Ack ack = packet.wantsAck() ? new Ack(this, packet.ackId()) : Ack.none();
    for (AnyListener listener : anyListeners) {
      runListener(event, () -> listener.onEvent(event, args));
    }
    for (EventListener listener : listeners.getOrDefault(event, List.of())) {
      runListener(event, () -> listener.onEvent(args, ack));
    }
  }

  private synchronized Map<Long, CompletableFuture<Args>> pendingAcks() {
    if (pendingAcks == null) {
      pendingAcks = new ConcurrentHashMap<>();
    }
    return pendingAcks;
  }

  private void onAck(Packet packet) {
    Map<Long, CompletableFuture<Args>> waiting = pendingAcks;
    CompletableFuture<Args> future = waiting == null ? null : waiting.remove(packet.ackId());
    if (future == null) {
      LOG.debug(
          "socket {}: ack {} matches no pending emit (it timed out or was answered)",
          id,
          packet.ackId());
      return;
    }
    future.complete(Args.of(packet.data(), 0));
  }

  private void runListener(String event, Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      LOG.error("listener for '{}' on socket {} in {} failed", event, id, namespace.name(), e);
    }
  }

  /** Ends this socket: keeps its session if it may recover, leaves its rooms, tells listeners. */
  void onClose(DisconnectReason reason) {
    if (!CONNECTED.compareAndSet(this, true, false)) {
      return;
    }
    ended = true;
    for (DisconnectListener listener : disconnectingListeners) {
      runListener("disconnecting", () -> listener.onDisconnect(reason));
    }
    if (pid != null && reason.isRecoverable()) {
      namespace.adapter().persistSession(session());
    }
    namespace.adapter().leaveAll(id);
    namespace.remove(this);
    client.detach(this);
    Map<Long, CompletableFuture<Args>> waiting = pendingAcks;
    if (waiting != null) {
      waiting
          .values()
          .forEach(
              future ->
                  future.completeExceptionally(
                      new IllegalStateException(
                          "socket " + id + " disconnected (" + reason + ") before the ack")));
      waiting.clear();
    }
    for (DisconnectListener listener : disconnectListeners) {
      runListener("disconnect", () -> listener.onDisconnect(reason));
    }
  }

  @Override
  public String toString() {
    return "Socket[" + id + " in " + namespace.name() + "]";
  }
}
