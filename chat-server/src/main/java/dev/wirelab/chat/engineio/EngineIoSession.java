package dev.wirelab.chat.engineio;

import dev.wirelab.chat.http.HttpExchange;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: its transport (long-polling, then maybe WebSocket), heartbeat and outbound
 * buffer. Every state change happens on one event loop, so the fields need no locks; calls from
 * other threads hop onto that loop first. The one exception is claiming an upgrade, which must be
 * visible before the WebSocket handshake is answered, hence a compare-and-set field.
 */
final class EngineIoSession implements EngineIoSocket {
  private static final Logger log = LoggerFactory.getLogger(EngineIoSession.class);
  private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";

  /**
   * How long a GET that arrives during an upgrade waits for the upgrade to end before it is
   * answered with a noop: the reference server's fast-upgrade interval.
   */
  static final long UPGRADE_HOLD_MILLIS = 100;

  private static final VarHandle PROBE;

  static {
    try {
      PROBE = MethodHandles.lookup().findVarHandle(EngineIoSession.class, "probe", Channel.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final EngineIoServer server;
  private final EngineIoOptions options;
  private final String id;
  private final Handshake handshake;
  private final EventLoop loop;

  private volatile Handler handler;
  private volatile boolean closed;

  /** Closed by the server while no GET was waiting: the next GET carries the last packets. */
  private volatile boolean closing;

  private ScheduledFuture<?> closingTimer;
  private volatile String transportName;

  private final PollingOutbox outbox = new PollingOutbox();
  private boolean pollFlushScheduled;

  private volatile Channel webSocket;

  /** The WebSocket connection attempting an upgrade; set from its own loop by claimProbe. */
  private volatile Channel probe;

  private boolean upgrading;
  private ScheduledFuture<?> upgradeTimer;

  /** The waiting GET arrived while an upgrade was in flight; the upgrade's outcome answers it. */
  private boolean pollHeldForUpgrade;

  private ScheduledFuture<?> upgradeHoldTimer;

  /** Created by the first refused connection: almost no session has one. */
  private List<Channel> refusedWebSockets = List.of();

  private final Heartbeat heartbeat;

  /** Where broadcasts are written and flushed from on the WebSocket; see {@link #writeShared}. */
  private ChannelHandlerContext encoderContext;

  private ChannelHandlerContext flushContext;

  EngineIoSession(
      EngineIoServer server, String id, Handshake handshake, EventLoop loop, String transportName) {
    this.server = server;
    this.options = server.options();
    this.id = id;
    this.handshake = handshake;
    this.loop = loop;
    this.transportName = transportName;
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
    return transportName;
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
    if (closed || closing) {
      return false;
    }
    Channel channel = webSocket;
    long waiting = channel == null ? outbox.queuedBytes() : pendingWriteBytes(channel);
    return waiting < options.maxOutboundBytes() / 2;
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
    if (webSocket != null || outbox.hasWaitingGet()) {
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

  /**
   * Reserves the upgrade for this WebSocket connection, before its handshake is answered: from then
   * on, and so for every request the client sends after seeing the handshake, the session knows an
   * upgrade is in flight. False when the session cannot upgrade (any more).
   */
  boolean claimProbe(Channel channel) {
    return !closed && !closing && webSocket == null && PROBE.compareAndSet(this, null, channel);
  }

  /** Whether {@code channel} holds the upgrade claim; safe from any thread. */
  boolean isProbe(Channel channel) {
    return probe == channel;
  }

  boolean isPolling() {
    return webSocket == null;
  }

  // ---- opening

  void openWithPolling(HttpExchange exchange) {
    exchange.reply(HttpResponseStatus.OK, TEXT_PLAIN, PacketCodec.encode(openPacket()));
    started();
  }

  void openWithWebSocket(Channel channel) {
    webSocket = channel;
    writeToWebSocket(channel, openPacket());
    started();
  }

  private Packet openPacket() {
    boolean canUpgrade =
        "polling".equals(transportName) && options.transports().contains("websocket");
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
    Channel channel = webSocket;
    if (channel != null) {
      writeToWebSocket(channel, packet);
      return;
    }
    long queued = outbox.add(packet);
    if (queued > options.maxOutboundBytes()) {
      slowReader(queued);
    } else if (outbox.hasWaitingGet() && !pollFlushScheduled) {
      // Packets sent in the same event-loop turn leave together in one payload.
      pollFlushScheduled = true;
      loop.execute(this::flushPoll);
    }
  }

  EventLoop loop() {
    return loop;
  }

  /**
   * On the session's loop: writes a complete WebSocket frame shared with other sessions, without
   * flushing, and returns the context to flush the connection from (below its flush consolidation,
   * see {@link EngineIoBroadcast}); a polling session queues the text instead and gets null. The
   * frame skips the frame encoder, which would copy it for every recipient.
   */
  ChannelHandlerContext writeShared(String text, ByteBuf frame) {
    if (closed || closing) {
      return null;
    }
    Channel channel = webSocket;
    if (channel == null) {
      enqueue(Packet.message(text));
      return null;
    }
    if (encoderContext == null || encoderContext.channel() != channel) {
      // Looked up once per connection: a broadcast to thousands would otherwise walk each pipeline
      // twice.
      encoderContext = channel.pipeline().context(WebSocketFrameEncoder.class);
      ChannelHandlerContext consolidation =
          channel.pipeline().context(FlushConsolidationHandler.class);
      flushContext = consolidation != null ? consolidation : encoderContext;
    }
    if (encoderContext == null || encoderContext.isRemoved()) {
      log.debug("session {}: connection already torn down; dropped a broadcast", id);
      return null;
    }
    encoderContext.write(frame.retainedDuplicate(), channel.voidPromise());
    closeIfSlowReader(channel);
    return flushContext;
  }

  /** Writes a packet and enforces the slow-reader limit. */
  private void writeToWebSocket(Channel channel, Packet packet) {
    channel.writeAndFlush(packet, channel.voidPromise());
    closeIfSlowReader(channel);
  }

  private void closeIfSlowReader(Channel channel) {
    long waiting = pendingWriteBytes(channel);
    if (waiting > options.maxOutboundBytes()) {
      slowReader(waiting);
    } else if (server.outboundBudget().isExceededBy(waiting)) {
      OutboundBudget budget = server.outboundBudget();
      log.warn(
          "session {}: slow reader over the server's outbound budget: {} bytes wait for all "
              + "clients, maxTotalOutboundBytes {}, this one holds {}, more than its share; "
              + "disconnecting",
          id,
          budget.total(),
          budget.limit(),
          waiting);
      dropSlowReader();
    }
  }

  /** Bytes written to this session's WebSocket and not yet taken by the kernel; 0 when polling. */
  long webSocketBytesWaiting() {
    Channel channel = webSocket;
    return channel == null ? 0 : pendingWriteBytes(channel);
  }

  private static long pendingWriteBytes(Channel channel) {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }

  private void slowReader(long waiting) {
    log.warn(
        "session {}: slow reader, {} bytes waiting exceed maxOutboundBytes {}; disconnecting",
        id,
        waiting,
        options.maxOutboundBytes());
    dropSlowReader();
  }

  private void dropSlowReader() {
    Channel channel = webSocket;
    if (channel != null) {
      // The close frame would only queue behind what the client does not read.
      channel.close();
    }
    close(CloseReason.TRANSPORT_ERROR);
  }

  private void flushPoll() {
    pollFlushScheduled = false;
    if (outbox.hasWaitingGet() && !outbox.isEmpty() && !upgrading && !pollHeldForUpgrade) {
      outbox.flush();
    }
  }

  // ---- long-polling requests

  void onPoll(HttpExchange exchange) {
    onLoop(
        () -> {
          closeIfHeartbeatOverdue();
          if (closed) {
            // Found open, run after the close: the same answer as had it come a moment later.
            server.answerPollOfEndedSession(id, exchange);
          } else if (webSocket != null) {
            EngineIoError.BAD_REQUEST.replyTo(exchange);
          } else if (outbox.hasWaitingGet()) {
            log.info("session {}: a second GET while one is pending; closing the session", id);
            // The pending GET is answered first, so pipelined replies keep their order.
            close(CloseReason.TRANSPORT_ERROR);
            EngineIoError.BAD_REQUEST.replyTo(exchange);
          } else if (closing) {
            // Held only for the close below, which answers it with the queue and the close packet.
            outbox.hold(exchange, gone -> {});
            close(CloseReason.FORCED_CLOSE);
          } else if (probe != null) {
            holdUntilUpgradeEnds(exchange);
          } else {
            park(exchange);
            flushPoll();
          }
        });
  }

  private void park(HttpExchange exchange) {
    outbox.hold(
        exchange,
        gone ->
            onLoop(
                () -> {
                  if (outbox.forget(gone)) {
                    close(CloseReason.TRANSPORT_CLOSE);
                  }
                }));
  }

  /**
   * The client sent this GET while an upgrade was in flight, so its {@code 5} may already be on the
   * wire, read by another event loop but not yet here. Answering now would order the GET before it;
   * instead the GET waits: refused like any polling request after the upgrade if the upgrade
   * completes, released with a noop (as the reference server's fast-upgrade check does) if it has
   * not completed shortly, an ordinary long-poll again if the upgrade fails.
   */
  private void holdUntilUpgradeEnds(HttpExchange exchange) {
    park(exchange);
    pollHeldForUpgrade = true;
    upgradeHoldTimer =
        loop.schedule(
            () -> {
              if (pollHeldForUpgrade && outbox.hasWaitingGet()) {
                pollHeldForUpgrade = false;
                outbox.answer(Packet.of(PacketType.NOOP));
              }
            },
            UPGRADE_HOLD_MILLIS,
            TimeUnit.MILLISECONDS);
  }

  /** Ends the hold of a GET that arrived during the upgrade; true when one was waiting. */
  private boolean releaseHeldPoll() {
    if (upgradeHoldTimer != null) {
      upgradeHoldTimer.cancel(false);
    }
    boolean held = pollHeldForUpgrade && outbox.hasWaitingGet();
    pollHeldForUpgrade = false;
    return held;
  }

  void onPost(HttpExchange exchange, byte[] body) {
    onLoop(
        () -> {
          closeIfHeartbeatOverdue();
          if (closed) {
            EngineIoError.UNKNOWN_SID.replyTo(exchange);
            return;
          }
          if (webSocket != null) {
            EngineIoError.BAD_REQUEST.replyTo(exchange);
            return;
          }
          if (closing) {
            exchange.reply(HttpResponseStatus.OK, "text/html", "ok");
            return;
          }
          List<Packet> packets;
          try {
            packets = PacketCodec.decodePayload(PacketCodec.utf8(body));
          } catch (PacketParseException e) {
            log.info("session {}: parse error in POST: {}", id, e.getMessage());
            EngineIoError.BAD_REQUEST.replyTo(exchange);
            close(CloseReason.PARSE_ERROR);
            return;
          }
          for (Packet packet : packets) {
            if (closed) {
              break;
            }
            onPacket(packet);
          }
          exchange.reply(HttpResponseStatus.OK, "text/html", "ok");
        });
  }

  // ---- WebSocket frames (the session's own socket, or a probe during an upgrade)

  /** Gives the upgrade up when the claimed connection's WebSocket handshake failed. */
  void releaseProbe(Channel channel) {
    onLoop(
        () -> {
          if (PROBE.compareAndSet(this, channel, null)) {
            releaseHeldPoll();
            flushPoll();
          }
        });
  }

  /**
   * Closes a WebSocket that came for a session already upgrading or upgraded, after its handshake,
   * as the reference server does, so the client sees a clean close. The close follows the end of
   * the upgrade and what is queued on the upgraded connection: the client's probe and {@code 5},
   * sent before this connection was opened, are answered first.
   */
  void refuseWebSocket(Channel channel) {
    onLoop(
        () -> {
          if (refusedWebSockets.isEmpty()) {
            refusedWebSockets = new ArrayList<>(1);
          }
          refusedWebSockets.add(channel);
          if (probe == null || closed) {
            Channel upgraded = webSocket;
            closeRefusedOn(upgraded == null ? Runnable::run : upgraded.eventLoop());
          }
        });
  }

  private static void closeRefused(List<Channel> channels) {
    for (Channel channel : channels) {
      channel
          .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Closes the refused connections from {@code executor}, after the work queued there. */
  private void closeRefusedOn(Executor executor) {
    if (refusedWebSockets.isEmpty()) {
      return;
    }
    List<Channel> refused = refusedWebSockets;
    refusedWebSockets = List.of();
    executor.execute(() -> closeRefused(refused));
  }

  /** Starts the upgrade timeout once the claimed probe's handshake has been answered. */
  void attachProbe(Channel channel) {
    onLoop(
        () -> {
          if (closed || probe != channel) {
            log.info("session {}: closed before its upgrade started", id);
            channel.close();
            return;
          }
          upgradeTimer =
              loop.schedule(
                  () -> {
                    log.info(
                        "session {}: upgrade not completed within {} ms",
                        id,
                        options.upgradeTimeoutMillis());
                    abortProbe();
                  },
                  options.upgradeTimeoutMillis(),
                  TimeUnit.MILLISECONDS);
        });
  }

  void onWebSocketPacket(Channel channel, Packet packet) {
    onLoop(
        () -> {
          closeIfHeartbeatOverdue();
          if (closed) {
            return;
          }
          if (channel == webSocket) {
            onPacket(packet);
          } else if (channel == probe) {
            onProbePacket(packet);
          }
        });
  }

  void onWebSocketClosed(Channel channel) {
    onLoop(
        () -> {
          if (channel == webSocket) {
            close(CloseReason.TRANSPORT_CLOSE);
          } else if (channel == probe) {
            log.debug("session {}: upgrade probe connection closed", id);
            abortProbe();
          }
        });
  }

  void onWebSocketError(Channel channel, CloseReason reason) {
    onLoop(
        () -> {
          if (channel == webSocket) {
            close(reason);
          } else if (channel == probe) {
            abortProbe();
          }
        });
  }

  private void onProbePacket(Packet packet) {
    if (packet.isProbe()) {
      // Already answered by the connection's own handler (WebSocketTransportHandler.answerProbe).
      upgrading = true;
      if (outbox.hasWaitingGet() && !pollHeldForUpgrade) {
        // The client's long-poll from before the upgrade: it must end before the client sends 5.
        outbox.answer(Packet.of(PacketType.NOOP));
      }
    } else if (packet.type() == PacketType.UPGRADE && upgrading) {
      completeUpgrade();
    } else {
      log.info("session {}: unexpected {} during upgrade; upgrade abandoned", id, packet);
      abortProbe();
    }
  }

  private void completeUpgrade() {
    upgradeTimer.cancel(false);
    Channel channel = probe;
    upgrading = false;
    webSocket = channel;
    probe = null;
    transportName = "websocket";
    if (releaseHeldPoll()) {
      outbox.refuse(EngineIoError.BAD_REQUEST);
    }
    for (Packet packet : outbox.drain()) {
      writeToWebSocket(channel, packet);
    }
    // From the upgraded connection's loop: the 3probe and the drained packets leave first.
    closeRefusedOn(channel.eventLoop());
  }

  private void abortProbe() {
    Channel channel = (Channel) PROBE.getAndSet(this, null);
    if (channel != null) {
      channel.close();
    }
    if (upgradeTimer != null) {
      upgradeTimer.cancel(false);
    }
    upgrading = false;
    releaseHeldPoll();
    closeRefusedOn(Runnable::run);
    flushPoll();
  }

  // ---- packets from the client, whatever the transport

  private void onPacket(Packet packet) {
    switch (packet.type()) {
      case MESSAGE -> deliver(packet);
      case PONG -> heartbeat.pong();
      case PING -> enqueue(Packet.text(PacketType.PONG, packet.text()));
      case CLOSE -> {
        if (webSocket == null && !outbox.hasWaitingGet()) {
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

  private void close(CloseReason reason) {
    if (closed) {
      return;
    }
    closed = true;
    heartbeat.stop();
    for (ScheduledFuture<?> timer :
        new ScheduledFuture<?>[] {upgradeTimer, upgradeHoldTimer, closingTimer}) {
      if (timer != null) {
        timer.cancel(false);
      }
    }
    server.unregister(this);
    log.debug("session {} closed: {}", id, reason.wireName());
    if (outbox.hasWaitingGet()) {
      // The reference server ends a pending GET with a noop when the client asked to close.
      outbox.flush(
          Packet.of(reason == CloseReason.TRANSPORT_CLOSE ? PacketType.NOOP : PacketType.CLOSE));
    }
    outbox.drain();
    Channel channel = webSocket;
    if (channel != null && channel.isActive()) {
      WebSocketCloseStatus status =
          reason == CloseReason.PARSE_ERROR
              ? WebSocketCloseStatus.PROTOCOL_ERROR
              : WebSocketCloseStatus.NORMAL_CLOSURE;
      channel
          .writeAndFlush(new CloseWebSocketFrame(status))
          .addListener(ChannelFutureListener.CLOSE);
    }
    Channel unfinishedProbe = (Channel) PROBE.getAndSet(this, null);
    if (unfinishedProbe != null) {
      unfinishedProbe.close();
    }
    closeRefusedOn(Runnable::run);
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

  private void onLoop(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  @Override
  public String toString() {
    return "session " + id + " (" + transportName + ")";
  }
}
