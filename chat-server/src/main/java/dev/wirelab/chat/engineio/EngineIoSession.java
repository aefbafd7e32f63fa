package dev.wirelab.chat.engineio;

import dev.wirelab.chat.http.HttpExchange;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: its transport (long-polling, then maybe WebSocket), heartbeat and
 * outbound buffer. Every state change happens on one event loop, so the fields need no locks;
 * calls from other threads hop onto that loop first.
 */
final class EngineIoSession implements EngineIoSocket {
  private static final Logger log = LoggerFactory.getLogger(EngineIoSession.class);
  private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";
  private static final String CLIENT_CLOSE = "transport close";

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

  private final ArrayDeque<Packet> outbox = new ArrayDeque<>();
  private volatile long outboxBytes;
  private boolean pollFlushScheduled;
  private HttpExchange pendingPoll;
  private ChannelFutureListener pendingPollCloseListener;

  private volatile Channel webSocket;
  private Channel probe;
  private boolean upgrading;
  private ScheduledFuture<?> upgradeTimer;

  private final Heartbeat heartbeat;

  EngineIoSession(EngineIoServer server, String id, Handshake handshake, EventLoop loop,
      String transportName) {
    this.server = server;
    this.options = server.options();
    this.id = id;
    this.handshake = handshake;
    this.loop = loop;
    this.transportName = transportName;
    this.heartbeat = new Heartbeat(loop, options, () -> enqueue(Packet.of(PacketType.PING)),
        () -> close("ping timeout"));
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
    long waiting = channel == null ? outboxBytes : pendingWriteBytes(channel);
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
    if (webSocket != null || pendingPoll != null) {
      close("forced close");
      return;
    }
    closing = true;
    heartbeat.stop();
    closingTimer = loop.schedule(() -> close("forced close"),
        options.pingIntervalMillis() + options.pingTimeoutMillis(), TimeUnit.MILLISECONDS);
  }

  /** Closes with the given reason and completes once the handler has seen it. */
  CompletableFuture<Void> closeAsync(String reason) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    onLoop(() -> {
      close(reason);
      done.complete(null);
    });
    return done;
  }

  /** True while the session is open on long-polling, so a WebSocket may take over. */
  boolean acceptsUpgrade() {
    return !closed && !closing && webSocket == null;
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
    boolean canUpgrade = "polling".equals(transportName)
        && options.transports().contains("websocket");
    return Packet.text(PacketType.OPEN, "{\"sid\":\"" + id + "\",\"upgrades\":"
        + (canUpgrade ? "[\"websocket\"]" : "[]") + ",\"pingInterval\":"
        + options.pingIntervalMillis() + ",\"pingTimeout\":" + options.pingTimeoutMillis()
        + ",\"maxPayload\":" + options.maxPayload() + "}");
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
    outbox.add(packet);
    outboxBytes += packet.estimatedBytes();
    if (outboxBytes > options.maxOutboundBytes()) {
      slowReader(outboxBytes);
    } else if (pendingPoll != null && !pollFlushScheduled) {
      // Packets sent in the same event-loop turn leave together in one payload.
      pollFlushScheduled = true;
      loop.execute(this::flushPoll);
    }
  }

  /**
   * Sends a message frame whose content ({@code 4} and the UTF-8 text) is shared with other
   * sessions, taking over one reference to it; a polling session sends the text instead.
   */
  void sendShared(String text, ByteBuf encoded) {
    if (closed || closing) {
      encoded.release();
      return;
    }
    if (!loop.inEventLoop()) {
      try {
        loop.execute(() -> sendShared(text, encoded));
      } catch (RejectedExecutionException e) {
        encoded.release();
        throw e;
      }
      return;
    }
    Channel channel = closed || closing ? null : webSocket;
    if (channel == null) {
      encoded.release();
      enqueue(Packet.message(text));
    } else {
      writeToWebSocket(channel, new TextWebSocketFrame(encoded));
    }
  }

  /** Writes a packet, or an already encoded frame, and enforces the slow-reader limit. */
  private void writeToWebSocket(Channel channel, Object packetOrFrame) {
    channel.writeAndFlush(packetOrFrame, channel.voidPromise());
    long waiting = pendingWriteBytes(channel);
    if (waiting > options.maxOutboundBytes()) {
      slowReader(waiting);
    }
  }

  private static long pendingWriteBytes(Channel channel) {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }

  private void slowReader(long waiting) {
    log.warn("session {}: slow reader, {} bytes waiting exceed maxOutboundBytes {}; disconnecting",
        id, waiting, options.maxOutboundBytes());
    Channel channel = webSocket;
    if (channel != null) {
      // The close frame would only queue behind what the client does not read.
      channel.close();
    }
    close("transport error");
  }

  private void flushPoll() {
    pollFlushScheduled = false;
    if (pendingPoll == null || outbox.isEmpty() || upgrading) {
      return;
    }
    String payload = PacketCodec.encodePayload(List.copyOf(outbox));
    outbox.clear();
    outboxBytes = 0;
    takePendingPoll().reply(HttpResponseStatus.OK, TEXT_PLAIN, payload);
  }

  private HttpExchange takePendingPoll() {
    HttpExchange exchange = pendingPoll;
    if (pendingPollCloseListener != null) {
      exchange.channel().closeFuture().removeListener(pendingPollCloseListener);
    }
    pendingPoll = null;
    pendingPollCloseListener = null;
    return exchange;
  }

  // ---- long-polling requests

  void onPoll(HttpExchange exchange) {
    onLoop(() -> {
      if (closed) {
        EngineIoError.UNKNOWN_SID.replyTo(exchange);
      } else if (webSocket != null) {
        EngineIoError.BAD_REQUEST.replyTo(exchange);
      } else if (pendingPoll != null) {
        log.info("session {}: a second GET while one is pending; closing the session", id);
        // The pending GET is answered first, so pipelined replies keep their order.
        close("transport error");
        EngineIoError.BAD_REQUEST.replyTo(exchange);
      } else if (closing) {
        pendingPoll = exchange;
        close("forced close");
      } else if (upgrading) {
        exchange.reply(HttpResponseStatus.OK, TEXT_PLAIN, PacketCodec.encode(Packet.of(PacketType.NOOP)));
      } else {
        park(exchange);
      }
    });
  }

  private void park(HttpExchange exchange) {
    pendingPoll = exchange;
    pendingPollCloseListener = future -> onLoop(() -> {
      if (pendingPoll == exchange) {
        pendingPoll = null;
        close(CLIENT_CLOSE);
      }
    });
    exchange.channel().closeFuture().addListener(pendingPollCloseListener);
    flushPoll();
  }

  void onPost(HttpExchange exchange, String payload) {
    onLoop(() -> {
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
        packets = PacketCodec.decodePayload(payload);
      } catch (PacketParseException e) {
        log.info("session {}: parse error in POST: {}", id, e.getMessage());
        EngineIoError.BAD_REQUEST.replyTo(exchange);
        close("parse error");
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

  void attachProbe(Channel channel) {
    onLoop(() -> {
      if (!acceptsUpgrade() || probe != null) {
        log.info("session {}: refused a second upgrade attempt", id);
        channel.close();
        return;
      }
      probe = channel;
      upgradeTimer = loop.schedule(() -> {
        log.info("session {}: upgrade not completed within {} ms", id, options.upgradeTimeoutMillis());
        abortProbe();
      }, options.upgradeTimeoutMillis(), TimeUnit.MILLISECONDS);
    });
  }

  void onWebSocketPacket(Channel channel, Packet packet) {
    onLoop(() -> {
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
    onLoop(() -> {
      if (channel == webSocket) {
        close(CLIENT_CLOSE);
      } else if (channel == probe) {
        log.debug("session {}: upgrade probe connection closed", id);
        abortProbe();
      }
    });
  }

  void onWebSocketError(Channel channel, String reason) {
    onLoop(() -> {
      if (channel == webSocket) {
        close(reason);
      } else if (channel == probe) {
        abortProbe();
      }
    });
  }

  private void onProbePacket(Packet packet) {
    if (packet.type() == PacketType.PING && "probe".equals(packet.text())) {
      writeToWebSocket(probe, Packet.text(PacketType.PONG, "probe"));
      upgrading = true;
      if (pendingPoll != null) {
        takePendingPoll().reply(HttpResponseStatus.OK, TEXT_PLAIN,
            PacketCodec.encode(Packet.of(PacketType.NOOP)));
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
    probe = null;
    upgrading = false;
    webSocket = channel;
    transportName = "websocket";
    outboxBytes = 0;
    while (!outbox.isEmpty()) {
      writeToWebSocket(channel, outbox.poll());
    }
  }

  private void abortProbe() {
    if (probe != null) {
      probe.close();
      probe = null;
    }
    if (upgradeTimer != null) {
      upgradeTimer.cancel(false);
    }
    upgrading = false;
    if (pendingPoll != null) {
      flushPoll();
    }
  }

  // ---- packets from the client, whatever the transport

  private void onPacket(Packet packet) {
    switch (packet.type()) {
      case MESSAGE -> deliver(packet);
      case PONG -> heartbeat.pong();
      case PING -> enqueue(Packet.text(PacketType.PONG, packet.text()));
      case CLOSE -> close(CLIENT_CLOSE);
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

  private void close(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    heartbeat.stop();
    for (ScheduledFuture<?> timer : new ScheduledFuture<?>[] {upgradeTimer, closingTimer}) {
      if (timer != null) {
        timer.cancel(false);
      }
    }
    server.unregister(this);
    log.debug("session {} closed: {}", id, reason);
    if (pendingPoll != null) {
      // The reference server ends a pending GET with a noop when the client asked to close.
      Packet last = Packet.of(CLIENT_CLOSE.equals(reason) ? PacketType.NOOP : PacketType.CLOSE);
      outbox.add(last);
      String payload = PacketCodec.encodePayload(List.copyOf(outbox));
      takePendingPoll().reply(HttpResponseStatus.OK, TEXT_PLAIN, payload);
    }
    outbox.clear();
    outboxBytes = 0;
    Channel channel = webSocket;
    if (channel != null && channel.isActive()) {
      WebSocketCloseStatus status = "parse error".equals(reason)
          ? WebSocketCloseStatus.PROTOCOL_ERROR : WebSocketCloseStatus.NORMAL_CLOSURE;
      channel.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
    }
    if (probe != null) {
      probe.close();
      probe = null;
    }
    Handler receiver = handler;
    if (receiver != null) {
      try {
        receiver.onClose(reason);
      } catch (RuntimeException e) {
        log.warn("session {}: the handler failed on close", id, e);
      }
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
