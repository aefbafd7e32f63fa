package dev.wirelab.chat.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.wirelab.chat.engineio.EngineIoBroadcast;
import dev.wirelab.chat.engineio.EngineIoSocket;
import dev.wirelab.chat.socketio.adapter.Adapter;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.adapter.LocalNamespace;
import dev.wirelab.chat.socketio.adapter.SocketDetails;
import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import dev.wirelab.chat.socketio.protocol.Json;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.recovery.RecoveryOptions;
import dev.wirelab.chat.socketio.recovery.RestoredSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A namespace such as {@code "/"} or {@code "/chat"}: its sockets, middlewares, connection
 * listeners and rooms (through its {@link Adapter}). Broadcast methods target all its sockets.
 */
public final class Namespace {
  private static final Logger LOG = LoggerFactory.getLogger(Namespace.class);

  private final SocketIoServer server;
  private final String name;
  private final DynamicNamespace parent;
  private final Adapter adapter;
  private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
  private final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
  private final List<Consumer<Socket>> connectionListeners = new CopyOnWriteArrayList<>();
  private final Map<String, List<ServerEventListener>> serverListeners = new ConcurrentHashMap<>();

  Namespace(SocketIoServer server, String name, DynamicNamespace parent) {
    this.server = server;
    this.name = name;
    this.parent = parent;
    this.adapter = server.options().adapterFactory().create(name, new Local(), server.options());
  }

  public String name() {
    return name;
  }

  public Adapter adapter() {
    return adapter;
  }

  /** Adds a middleware; middlewares run in order for each socket joining. */
  public Namespace use(Middleware middleware) {
    middlewares.add(middleware);
    return this;
  }

  /** Calls {@code listener} for each socket that joined (or recovered its session). */
  public Namespace onConnection(Consumer<Socket> listener) {
    connectionListeners.add(listener);
    return this;
  }

  /** The connected sockets by id. */
  public Map<String, Socket> sockets() {
    return Map.copyOf(sockets);
  }

  public Optional<Socket> socket(String id) {
    return Optional.ofNullable(sockets.get(id));
  }

  public BroadcastOperator to(String... rooms) {
    return everyone().to(rooms);
  }

  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  public BroadcastOperator except(String... rooms) {
    return everyone().except(rooms);
  }

  public BroadcastOperator asVolatile() {
    return everyone().asVolatile();
  }

  /** Sends the event to every socket of the namespace. */
  public void emit(String event, Object... args) {
    everyone().emit(event, args);
  }

  public List<Socket> fetchSockets() {
    return everyone().fetchSockets();
  }

  public void socketsJoin(String... rooms) {
    everyone().socketsJoin(rooms);
  }

  public void socketsLeave(String... rooms) {
    everyone().socketsLeave(rooms);
  }

  public void disconnectSockets(boolean close) {
    everyone().disconnectSockets(close);
  }

  /** Every socket of the namespace on every node of the cluster, described. */
  public CompletableFuture<List<RemoteSocket>> fetchClusterSockets() {
    return everyone().fetchClusterSockets();
  }

  /** The namespace on this node only. */
  public BroadcastOperator local() {
    return everyone().local();
  }

  /** Every socket of the namespace, acks awaited by {@link BroadcastOperator#emitWithAck}. */
  public BroadcastOperator timeout(Duration timeout) {
    return everyone().timeout(timeout);
  }

  /** Calls {@code listener} when another node of the cluster sends {@code event} server-side. */
  public Namespace onServerSideEmit(String event, ServerEventListener listener) {
    serverListeners.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(listener);
    return this;
  }

  /** Sends an event to the server-side listeners of every other node (Node's serverSideEmit). */
  public void serverSideEmit(String event, Object... args) {
    adapter.serverSideEmit(List.copyOf(Args.of(Payloads.event(event, args), 0).values()));
  }

  /**
   * Sends an event to every other node and completes with one answer per node; fails with a {@link
   * java.util.concurrent.TimeoutException} when a node has not answered within {@code timeout}.
   */
  public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(
      String event, Duration timeout, Object... args) {
    return adapter.serverSideEmitWithAck(
        List.copyOf(Args.of(Payloads.event(event, args), 0).values()), timeout);
  }

  /** How many nodes of the cluster serve this namespace, this one included. */
  public CompletableFuture<Integer> serverCount() {
    return adapter.serverCount();
  }

  private BroadcastOperator everyone() {
    return new BroadcastOperator(this, BroadcastOptions.everyone());
  }

  SocketIoServer server() {
    return server;
  }

  void remove(Socket socket) {
    sockets.remove(socket.id(), socket);
  }

  /** What the adapter may do to this namespace's sockets on this node. */
  private final class Local implements LocalNamespace {
    /**
     * A text-only packet goes out through {@link EngineIoBroadcast}, which encodes the Engine.IO
     * frame once for every WebSocket recipient; one with attachments is sent to each in turn.
     */
    @Override
    public void deliver(Collection<String> socketIds, EncodedPacket packet, boolean isVolatile) {
      List<EngineIoSocket> targets = new ArrayList<>(socketIds.size());
      for (String id : socketIds) {
        Socket socket = sockets.get(id);
        if (socket != null && (!isVolatile || socket.conn().isWritable())) {
          targets.add(socket.conn());
        }
      }
      if (packet.attachments().isEmpty()) {
        EngineIoBroadcast.send(packet.text(), targets);
      } else {
        EngineIoBroadcast.sendAll(packet.text(), packet.attachments(), targets);
      }
    }

    @Override
    public List<SocketDetails> describe(Collection<String> socketIds) {
      List<SocketDetails> out = new ArrayList<>(socketIds.size());
      for (String id : socketIds) {
        Socket socket = sockets.get(id);
        if (socket != null) {
          out.add(
              new SocketDetails(
                  id, socket.handshake().describe(), socket.rooms(), Json.toTree(socket.data())));
        }
      }
      return out;
    }

    @Override
    public void disconnect(Collection<String> socketIds, boolean close) {
      socketIds.stream()
          .map(sockets::get)
          .filter(socket -> socket != null)
          .forEach(socket -> socket.disconnect(close));
    }

    @Override
    public int deliverWithAck(
        Collection<String> socketIds, Packet packet, Duration timeout, Consumer<JsonNode> onAck) {
      int asked = 0;
      for (String id : socketIds) {
        Socket socket = sockets.get(id);
        if (socket == null) {
          continue;
        }
        asked++;
        socket
            .emitWithAck((ArrayNode) packet.data(), timeout)
            .thenAccept(
                args -> onAck.accept(args.isEmpty() ? Json.MAPPER.nullNode() : args.get(0)));
      }
      return asked;
    }

    @Override
    public void onServerSideEmit(List<JsonNode> eventAndArgs, Consumer<JsonNode> ack) {
      String event = eventAndArgs.isEmpty() ? "" : eventAndArgs.get(0).asText();
      List<ServerEventListener> listeners = serverListeners.getOrDefault(event, List.of());
      Args args =
          new Args(eventAndArgs.subList(Math.min(1, eventAndArgs.size()), eventAndArgs.size()));
      if (listeners.isEmpty() && ack != null) {
        // Answer anyway: a requester counts on one answer per node (redis-adapter#506).
        ack.accept(Json.MAPPER.nullNode());
        return;
      }
      AtomicBoolean answered = new AtomicBoolean();
      Consumer<Object> reply =
          answer -> {
            if (ack != null && answered.compareAndSet(false, true)) {
              ack.accept(Json.toTree(answer));
            }
          };
      for (ServerEventListener listener : listeners) {
        try {
          listener.onEvent(args, reply);
        } catch (RuntimeException e) {
          LOG.error("server-side listener for '{}' in {} failed", event, name, e);
        }
      }
    }
  }

  /**
   * A client sent CONNECT for this namespace: recover its session, or run middlewares and admit.
   */
  void connect(ClientConnection client, JsonNode auth) {
    SocketHandshake handshake = new SocketHandshake(client.conn().handshake(), auth);
    RecoveryOptions recovery = server.options().recovery();
    if (recovery != null && recovery.skipMiddlewares() && tryRecover(client, handshake)) {
      return;
    }
    Socket socket =
        Socket.fresh(
            this,
            client,
            handshake,
            recovery == null ? null : SocketIds.next(),
            adapter.currentOffset());
    runMiddlewares(
        socket,
        client,
        middlewareChain(),
        0,
        () -> {
          if (recovery != null && !recovery.skipMiddlewares() && tryRecover(client, handshake)) {
            return;
          }
          admit(client, socket);
        });
  }

  private boolean tryRecover(ClientConnection client, SocketHandshake handshake) {
    JsonNode pid = handshake.auth().path("pid");
    JsonNode offset = handshake.auth().path("offset");
    if (!pid.isTextual()) {
      return false;
    }
    AtomicReference<Socket> recovered = new AtomicReference<>();
    Optional<RestoredSession> session =
        adapter.restoreSession(
            pid.textValue(),
            offset.isTextual() ? offset.textValue() : null,
            restored -> {
              Socket socket = Socket.recovered(this, client, handshake, restored.session());
              if (!register(client, socket)) {
                return false;
              }
              socket.sendConnect();
              restored.missed().forEach(socket::write);
              recovered.set(socket);
              return true;
            });
    if (session.isEmpty()) {
      return false;
    }
    LOG.debug(
        "socket {} in {} recovered, {} missed packet(s) replayed",
        recovered.get().id(),
        name,
        session.get().missed().size());
    announce(recovered.get());
    recovered.get().sessionChanged();
    return true;
  }

  private void admit(ClientConnection client, Socket socket) {
    if (!register(client, socket)) {
      return;
    }
    socket.sendConnect();
    adapter.join(socket.id(), List.of(socket.id()));
    announce(socket);
    socket.sessionChanged();
  }

  /** Makes the socket reachable; false when its connection closed in the meantime. */
  private boolean register(ClientConnection client, Socket socket) {
    socket.setConnected(true);
    sockets.put(socket.id(), socket);
    if (client.attach(socket)) {
      return true;
    }
    sockets.remove(socket.id(), socket);
    socket.setConnected(false);
    socket.abandon();
    return false;
  }

  private void announce(Socket socket) {
    List<Consumer<Socket>> all = new ArrayList<>();
    if (parent != null) {
      all.addAll(parent.connectionListeners());
    }
    all.addAll(connectionListeners);
    for (Consumer<Socket> listener : all) {
      try {
        listener.accept(socket);
      } catch (RuntimeException e) {
        LOG.error("connection listener of {} failed for socket {}", name, socket.id(), e);
      }
    }
  }

  private List<Middleware> middlewareChain() {
    List<Middleware> chain = new ArrayList<>();
    if (parent != null) {
      chain.addAll(parent.middlewares());
    }
    chain.addAll(middlewares);
    return chain;
  }

  private void runMiddlewares(
      Socket socket, ClientConnection client, List<Middleware> chain, int index, Runnable admit) {
    if (index == chain.size()) {
      admit.run();
      return;
    }
    AtomicBoolean called = new AtomicBoolean();
    Middleware.Next next =
        new Middleware.Next() {
          @Override
          public void proceed() {
            once();
            runMiddlewares(socket, client, chain, index + 1, admit);
          }

          @Override
          public void reject(String message, Object data) {
            once();
            socket.abandon();
            socket.send(Payloads.connectError(name, message, data));
            client.connectRefused();
          }

          private void once() {
            if (!called.compareAndSet(false, true)) {
              throw new IllegalStateException(
                  "middleware " + index + " of " + name + " called next twice");
            }
          }
        };
    try {
      chain.get(index).handle(socket, next);
    } catch (RuntimeException e) {
      LOG.warn("middleware {} of {} failed; refusing socket {}", index, name, socket.id(), e);
      if (!called.get()) {
        next.reject(String.valueOf(e.getMessage()));
      }
    }
  }
}
