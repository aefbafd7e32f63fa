package dev.wirelab.chat.engineio;

import dev.wirelab.chat.http.HttpExchange;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session, whatever carries it: its identity, heartbeat, outgoing packets and close,
 * with the transports ({@link PollingTransport}, {@link WebSocketTransport}) and the {@link
 * WebSocketUpgrade} between them as parts, so each can be read alone. Every state change happens on
 * one event loop, so the fields need no locks; calls from other threads hop onto that loop.
 */
final class EngineIoSession implements EngineIoSocket {
  private static final Logger log = LoggerFactory.getLogger(EngineIoSession.class);
  private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";

  private final EngineIoServer server;
  private final EngineIoOptions options;
  private final String id;
  private final Handshake handshake;
  private final EventLoop loop;
  private final Heartbeat heartbeat;
  private final PollingTransport polling = new PollingTransport(this);
  private final WebSocketUpgrade upgrade = new WebSocketUpgrade(this);

  /** Polling until a WebSocket takes over; read from any thread. */
  private volatile Transport transport = polling;

  private volatile Handler handler;
  private volatile boolean closed;

  /** Closed by the server while no GET was waiting: the next GET carries the last packets. */
  private volatile boolean closing;

  private ScheduledFuture<?> closingTimer;

  EngineIoSession(EngineIoServer server, String id, Handshake handshake, EventLoop loop) {
    this.server = server;
    this.options = server.options();
    this.id = id;
    this.handshake = handshake;
    this.loop = loop;
    this.heartbeat =
        new Heartbeat(
            loop,
            options,
            () -> enqueue(Packet.of(PacketType.PING)),
            () -> close(CloseReason.PING_TIMEOUT));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String transportName() {
    return transport.name();
  }

  @Override
  public Handshake handshake() {
    return handshake;
  }

  @Override
  public void setHandler(Handler handler) {
    this.handler = handler;
  }

  @Override
  public void send(String text) {
    enqueue(Packet.message(text));
  }

  @Override
  public void send(byte[] binary) {
    enqueue(Packet.binary(binary));
  }

  @Override
  public boolean isWritable() {
    return !closed && !closing && transport.bytesWaiting() < options.maxOutboundBytes() / 2;
  }

  @Override
  public void close() {
    onLoop(this::closeAfterLastPoll);
  }

  /**
   * A polling client learns of the close, and gets what was queued before it, only from its next
   * GET; without one, the session ends when the heartbeat would have given up on it anyway.
   */
  private void closeAfterLastPoll() {
    if (closed || closing) {
      return;
    }
    if (!isPolling() || polling.hasWaitingGet()) {
      close(CloseReason.FORCED_CLOSE);
      return;
    }
    closing = true;
    heartbeat.stop();
    closingTimer =
        loop.schedule(
            () -> close(CloseReason.FORCED_CLOSE),
            options.pingIntervalMillis() + options.pingTimeoutMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** Closes with the given reason and completes once the handler has seen it. */
  CompletableFuture<Void> closeAsync(CloseReason reason) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    onLoop(
        () -> {
          close(reason);
          done.complete(null);
        });
    return done;
  }

  // ---- the parts' view of the session

  EventLoop loop() {
    return loop;
  }

  EngineIoOptions options() {
    return options;
  }

  OutboundBudget outboundBudget() {
    return server.outboundBudget();
  }

  PollingTransport polling() {
    return polling;
  }

  WebSocketUpgrade upgrade() {
    return upgrade;
  }

  boolean isPolling() {
    return transport == polling;
  }

  boolean isClosed() {
    return closed;
  }

  boolean isClosing() {
    return closing;
  }

  // ---- opening

  void openWithPolling(HttpExchange exchange) {
    exchange.reply(
        HttpResponseStatus.OK,
        TEXT_PLAIN,
        PacketCodec.encode(openPacket(options.transports().contains("websocket"))));
    started();
  }

  void openWithWebSocket(Channel channel) {
    transport = new WebSocketTransport(this, channel);
    transport.send(openPacket(false));
    started();
  }

  private Packet openPacket(boolean canUpgrade) {
    return Packet.text(
        PacketType.OPEN,
        "{\"sid\":\""
            + id
            + "\",\"upgrades\":"
            + (canUpgrade ? "[\"websocket\"]" : "[]")
            + ",\"pingInterval\":"
            + options.pingIntervalMillis()
            + ",\"pingTimeout\":"
            + options.pingTimeoutMillis()
            + ",\"maxPayload\":"
            + options.maxPayload()
            + "}");
  }

  private void started() {
    heartbeat.start();
    try {
      server.listener().onOpen(this);
    } catch (RuntimeException e) {
      log.warn("session {}: the connection listener failed", id, e);
    }
  }

  // ---- sending

  private void enqueue(Packet packet) {
    if (closed || closing) {
      // Checked before hopping too: after WebServer.close() the loop takes no more tasks.
      log.debug("session {} is closed; dropped {}", id, packet);
      return;
    }
    if (!loop.inEventLoop()) {
      loop.execute(() -> enqueue(packet));
      return;
    }
    transport.send(packet);
  }

  /**
   * On the session's loop: writes a complete WebSocket frame shared with other sessions (see {@link
   * WebSocketTransport#writeShared}) and returns the context to flush it from; a polling session
   * queues the text instead and gets null.
   */
  ChannelHandlerContext writeShared(String text, ByteBuf frame) {
    if (closed || closing) {
      return null;
    }
    if (transport instanceof WebSocketTransport webSocket) {
      return webSocket.writeShared(frame);
    }
    enqueue(Packet.message(text));
    return null;
  }

  /** Bytes written to this session's WebSocket and not yet taken by the kernel; 0 when polling. */
  long webSocketBytesWaiting() {
    return isPolling() ? 0 : transport.bytesWaiting();
  }

  /** Drops the session when {@code waiting} bytes exceed its own limit; true when it did. */
  boolean dropIfOverOwnLimit(long waiting) {
    if (waiting <= options.maxOutboundBytes()) {
      return false;
    }
    log.warn(
        "session {}: slow reader, {} bytes waiting exceed maxOutboundBytes {}; disconnecting",
        id,
        waiting,
        options.maxOutboundBytes());
    dropSlowReader();
    return true;
  }

  void dropSlowReader() {
    if (transport instanceof WebSocketTransport webSocket) {
      webSocket.abandon();
    }
    close(CloseReason.TRANSPORT_ERROR);
  }

  // ---- long-polling requests

  void onPoll(HttpExchange exchange) {
    onLoop(
        () -> {
          closeIfHeartbeatOverdue();
          if (closed) {
            // Found open, run after the close: the same answer as had it come a moment later.
            server.answerPollOfEndedSession(id, exchange);
          } else if (!isPolling()) {
            EngineIoError.BAD_REQUEST.replyTo(exchange);
          } else {
            polling.onPoll(exchange);
          }
        });
  }

  void onPost(HttpExchange exchange, byte[] body) {
    onLoop(
        () -> {
          closeIfHeartbeatOverdue();
          if (closed) {
            EngineIoError.UNKNOWN_SID.replyTo(exchange);
          } else if (!isPolling()) {
            EngineIoError.BAD_REQUEST.replyTo(exchange);
          } else {
            polling.onPost(exchange, body);
          }
        });
  }

  // ---- WebSocket connections: the session's own, or one attempting the upgrade

  /** The upgrade completed on {@code channel}: what was queued for polling leaves on it. */
  void upgradedTo(Channel channel) {
    List<Packet> queued = polling.handOver();
    transport = new WebSocketTransport(this, channel);
    for (Packet packet : queued) {
      transport.send(packet);
    }
  }

  /** The session's WebSocket loop, after whose queued writes a refusal closes; else {@code or}. */
  Executor webSocketLoopOr(Executor or) {
    return transport instanceof WebSocketTransport webSocket ? webSocket.channel().eventLoop() : or;
  }

  private boolean isOwnWebSocket(Channel channel) {
    return transport instanceof WebSocketTransport webSocket && webSocket.channel() == channel;
  }

  void onWebSocketPacket(Channel channel, Packet packet) {
    onLoop(
        () -> {
          closeIfHeartbeatOverdue();
          if (closed) {
            return;
          }
          if (isOwnWebSocket(channel)) {
            onPacket(packet);
          } else if (upgrade.isProbe(channel)) {
            upgrade.onProbePacket(packet);
          }
        });
  }

  void onWebSocketClosed(Channel channel) {
    onLoop(
        () -> {
          if (isOwnWebSocket(channel)) {
            close(CloseReason.TRANSPORT_CLOSE);
          } else if (upgrade.isProbe(channel)) {
            log.debug("session {}: upgrade probe connection closed", id);
            upgrade.abort();
          }
        });
  }

  void onWebSocketError(Channel channel, CloseReason reason) {
    onLoop(
        () -> {
          if (isOwnWebSocket(channel)) {
            close(reason);
          } else if (upgrade.isProbe(channel)) {
            upgrade.abort();
          }
        });
  }

  // ---- packets from the client, whatever the transport

  void onPacket(Packet packet) {
    switch (packet.type()) {
      case MESSAGE -> deliver(packet);
      case PONG -> heartbeat.pong();
      case PING -> enqueue(Packet.text(PacketType.PONG, packet.text()));
      case CLOSE -> {
        if (isPolling() && !polling.hasWaitingGet()) {
          // The client's own poll may be on its way: it gets the noop a waiting one would get.
          server.expectPollAfterClose(id, loop.ticker());
        }
        close(CloseReason.TRANSPORT_CLOSE);
      }
      case NOOP, OPEN, UPGRADE -> log.debug("session {}: ignored {}", id, packet);
      default -> throw new IllegalStateException("unhandled packet type " + packet.type());
    }
  }

  private void deliver(Packet packet) {
    Handler receiver = handler;
    if (receiver == null) {
      log.warn("session {}: no handler set; dropped {}", id, packet);
      return;
    }
    try {
      if (packet.isBinary()) {
        receiver.onBinary(packet.binary());
      } else {
        receiver.onMessage(packet.text());
      }
    } catch (RuntimeException e) {
      log.warn("session {}: the handler failed on {}", id, packet, e);
    }
  }

  // ---- closing

  void close(CloseReason reason) {
    if (closed) {
      return;
    }
    closed = true;
    heartbeat.stop();
    if (closingTimer != null) {
      closingTimer.cancel(false);
    }
    server.unregister(this);
    log.debug("session {} closed: {}", id, reason.wireName());
    polling.close(reason);
    if (transport != polling) {
      transport.close(reason);
    }
    upgrade.close();
    Handler receiver = handler;
    if (receiver != null) {
      try {
        receiver.onClose(reason);
      } catch (RuntimeException e) {
        log.warn("session {}: the handler failed on close", id, e);
      }
    }
  }

  /** Whatever arrives after the pong deadline finds the session dead, timer or not. */
  private void closeIfHeartbeatOverdue() {
    if (!closed && heartbeat.isOverdue()) {
      close(CloseReason.PING_TIMEOUT);
    }
  }

  void onLoop(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  @Override
  public String toString() {
    return "session " + id + " (" + transport.name() + ")";
  }
}
