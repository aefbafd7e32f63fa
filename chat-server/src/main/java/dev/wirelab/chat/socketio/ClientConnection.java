package dev.wirelab.chat.socketio;

import dev.wirelab.chat.engineio.CloseReason;
import dev.wirelab.chat.engineio.EngineIoBroadcast;
import dev.wirelab.chat.engineio.EngineIoSocket;
import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketDecoder;
import dev.wirelab.chat.socketio.protocol.PacketEncoder;
import dev.wirelab.chat.socketio.protocol.PacketType;
import dev.wirelab.chat.socketio.protocol.ProtocolException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session seen from Socket.IO: decodes its packets, routes them to its socket in each
 * namespace, and closes it when it breaks the protocol, sends too fast, or joins no namespace
 * within the connect timeout.
 */
final class ClientConnection implements EngineIoSocket.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

  private final SocketIoServer server;
  private final EngineIoSocket conn;
  private final PacketDecoder decoder;
  private final EventRateLimiter rateLimiter;

  /**
   * Until the first namespace connects; then dropped, as thousands of idle clients would keep it.
   */
  private ScheduledFuture<?> connectTimer;

  /** Sockets by namespace name; guarded by {@code this}, like {@link #closed}. */
  /**
   * By namespace; an immutable map replaced under this object's lock (most clients use one
   * namespace).
   */
  private Map<String, Socket> sockets = Map.of();

  private boolean closed;
  private int refusedConnects;

  ClientConnection(SocketIoServer server, EngineIoSocket conn) {
    this.server = server;
    this.conn = conn;
    this.decoder = new PacketDecoder(server.options().maxAttachments());
    this.rateLimiter = new EventRateLimiter(server.options().maxEventsPerSecond());
    this.connectTimer = server.schedule(this::onConnectTimeout, server.options().connectTimeout());
    conn.setHandler(this);
  }

  EngineIoSocket conn() {
    return conn;
  }

  @Override
  public void onMessage(String text) {
    try {
      route(decoder.decode(text));
    } catch (ProtocolException e) {
      fail(DisconnectReason.PARSE_ERROR, e.getMessage());
    }
  }

  @Override
  public void onBinary(byte[] binary) {
    try {
      route(decoder.decode(binary));
    } catch (ProtocolException e) {
      fail(DisconnectReason.PARSE_ERROR, e.getMessage());
    }
  }

  @Override
  public void onClose(CloseReason reason) {
    closeSockets(DisconnectReason.of(reason));
  }

  private void route(Packet packet) throws ProtocolException {
    if (packet == null) {
      return;
    }
    if (packet.type() == PacketType.CONNECT) {
      connect(packet);
      return;
    }
    if (packet.type() == PacketType.CONNECT_ERROR) {
      throw new ProtocolException("a client may not send CONNECT_ERROR");
    }
    Optional<Socket> socket = socket(packet.namespace());
    if (socket.isEmpty()) {
      // The reference server closes too: a packet for a namespace one is not in is a MUST-close.
      fail(
          DisconnectReason.PARSE_ERROR,
          packet.type()
              + " for namespace "
              + abbreviated(packet.namespace())
              + ", which it has not joined");
      return;
    }
    boolean isEvent = packet.type() == PacketType.EVENT || packet.type() == PacketType.BINARY_EVENT;
    if (isEvent && !rateLimiter.tryAcquire()) {
      fail(
          DisconnectReason.RATE_LIMIT_EXCEEDED,
          "more than " + server.options().maxEventsPerSecond() + " events per second");
      return;
    }
    socket.get().onPacket(packet);
  }

  private void connect(Packet packet) {
    String name = packet.namespace();
    if (socket(name).isPresent()) {
      LOG.warn(
          "session {} sent CONNECT for {} which it has joined already; ignored", conn.id(), name);
      return;
    }
    if (!server.connectFailures().allows(address())) {
      fail(DisconnectReason.TOO_MANY_REFUSED_CONNECTS, "from this address; try again later");
      return;
    }
    Optional<Namespace> namespace =
        name.length() > PacketDecoder.MAX_NAMESPACE_LENGTH
            ? Optional.empty()
            : server.namespaceFor(name);
    if (namespace.isEmpty()) {
      write(PacketEncoder.encode(Payloads.connectError(name, "Invalid namespace", null)));
      connectRefused();
      return;
    }
    namespace.get().connect(this, packet.data());
  }

  /**
   * A CONNECT was answered with CONNECT_ERROR: a few are mistakes, many are guesses. The connection
   * is closed after {@link ConnectFailures#PER_CONNECTION}, or when its address has used up its
   * budget.
   */
  void connectRefused() {
    server.connectFailures().refused(address());
    int refused;
    synchronized (this) {
      refused = ++refusedConnects;
    }
    if (refused >= ConnectFailures.PER_CONNECTION) {
      fail(DisconnectReason.TOO_MANY_REFUSED_CONNECTS, refused + " on this connection");
    } else if (!server.connectFailures().allows(address())) {
      fail(DisconnectReason.TOO_MANY_REFUSED_CONNECTS, "from this address; try again later");
    }
  }

  private String address() {
    InetSocketAddress remote = conn.handshake().remoteAddress();
    return remote.getAddress() == null
        ? remote.getHostString()
        : remote.getAddress().getHostAddress();
  }

  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private void onConnectTimeout() {
    synchronized (this) {
      if (closed || !sockets.isEmpty()) {
        return;
      }
    }
    LOG.info(
        "closing session {} from {}: no namespace joined within {} ms",
        conn.id(),
        conn.handshake().remoteAddress(),
        server.options().connectTimeout().toMillis());
    conn.close();
  }

  void write(EncodedPacket packet) {
    if (packet.attachments().isEmpty()) {
      conn.send(packet.text());
    } else {
      EngineIoBroadcast.sendAll(packet.text(), packet.attachments(), List.of(conn));
    }
  }

  /** Closes this connection because of the client: one log line, then every socket goes. */
  void fail(DisconnectReason reason, String detail) {
    LOG.warn(
        "closing session {} from {}: {}: {}",
        conn.id(),
        conn.handshake().remoteAddress(),
        reason,
        detail);
    closeSockets(reason);
    conn.close();
  }

  /** {@code socket.disconnect(true)}: every namespace gets DISCONNECT, then the session closes. */
  void disconnectAll() {
    for (Socket socket : snapshot()) {
      socket.disconnect(false);
    }
    conn.close();
  }

  /** Server shutdown. */
  void shutdown() {
    closeSockets(DisconnectReason.SERVER_SHUTTING_DOWN);
    conn.close();
  }

  synchronized boolean attach(Socket socket) {
    if (closed) {
      return false;
    }
    Map<String, Socket> more = new HashMap<>(sockets);
    more.put(socket.namespace().name(), socket);
    sockets = Map.copyOf(more);
    cancelConnectTimer();
    return true;
  }

  synchronized void detach(Socket socket) {
    if (sockets.get(socket.namespace().name()) == socket) {
      Map<String, Socket> fewer = new HashMap<>(sockets);
      fewer.remove(socket.namespace().name());
      sockets = Map.copyOf(fewer);
    }
  }

  private void cancelConnectTimer() {
    if (connectTimer != null) {
      connectTimer.cancel(false);
      connectTimer = null;
    }
  }

  private synchronized Optional<Socket> socket(String namespace) {
    return Optional.ofNullable(sockets.get(namespace));
  }

  private synchronized List<Socket> snapshot() {
    return List.copyOf(sockets.values());
  }

  private void closeSockets(DisconnectReason reason) {
    List<Socket> open;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      open = List.copyOf(sockets.values());
      cancelConnectTimer();
    }
    open.forEach(socket -> socket.onClose(reason));
    server.forget(this);
  }
}
