package dev.wirelab.chat.engineio;

import dev.wirelab.chat.http.HttpExchange;
import dev.wirelab.chat.http.HttpRoute;
import dev.wirelab.chat.http.WebServer;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Engine.IO v4 server: answers the requests under its path (mount it with {@link
 * WebServer.Builder#engineIo}), keeps the sessions, and hands each new one to the {@link
 * EngineIoSocket.ConnectionListener}.
 */
public final class EngineIoServer implements HttpRoute {
  private static final Logger log = LoggerFactory.getLogger(EngineIoServer.class);
  private static final long CLOSE_ALL_TIMEOUT_SECONDS = 5;

  private final EngineIoOptions options;
  private final EngineIoSocket.ConnectionListener listener;
  private final OriginPolicy origins;
  private final Map<String, EngineIoSession> sessions = new ConcurrentHashMap<>();
  private final CrossedCloses crossedCloses = new CrossedCloses();

  private final AtomicInteger sessionSlots = new AtomicInteger();
  private final WebSocketDecoderConfig webSocketConfig;
  private final WebSocketPacketCodec packetCodec;
  private final OutboundBudget outboundBudget;

  public EngineIoServer(EngineIoOptions options, EngineIoSocket.ConnectionListener listener) {
    this.options = options;
    this.listener = listener;
    this.origins = new OriginPolicy(options.allowedOrigins());
    this.packetCodec = new WebSocketPacketCodec(options.maxPayload());
    this.outboundBudget = new OutboundBudget(options.maxTotalOutboundBytes(), sessions.values());
    this.webSocketConfig =
        WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(options.maxPayload())
            .allowExtensions(false)
            .withUTF8Validator(true)
            .build();
  }

  public EngineIoOptions options() {
    return options;
  }

  OutboundBudget outboundBudget() {
    return outboundBudget;
  }

  EngineIoSocket.ConnectionListener listener() {
    return listener;
  }

  /** How many sessions are open right now. */
  public int sessionCount() {
    return sessions.size();
  }

  /** Closes every session ("forced server close") and waits, bounded, for their handlers. */
  public void closeAll() {
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (EngineIoSession session : sessions.values()) {
      closing.add(session.closeAsync(CloseReason.FORCED_SERVER_CLOSE));
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
          .get(CLOSE_ALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted while closing {} sessions", closing.size());
    } catch (ExecutionException | TimeoutException e) {
      log.warn("closing {} sessions did not finish cleanly: {}", closing.size(), e.toString());
    }
  }

  /**
   * A polling session closed by its client's {@code 1} while no GET was waiting: the client's poll,
   * sent with the close, may still be on its way. The first GET for the sid within {@link
   * CrossedCloses#WINDOW_NANOS} of {@code clock} (the session's loop clock) gets {@code 6} (noop)
   * as it would had it come first, as the reference answers; any later one gets {@code Session ID
   * unknown}.
   */
  void expectPollAfterClose(String sid, Ticker clock) {
    crossedCloses.closedByClient(sid, clock);
  }

  /**
   * Answers a GET for a session that has ended: the noop if it is the poll its client's close
   * crossed, else {@code Session ID unknown}. Asked both when the sid is no longer registered and
   * by the session itself for a GET that found it open but reached its loop after the close.
   */
  void answerPollOfEndedSession(String sid, HttpExchange exchange) {
    if (crossedCloses.takeCrossedPoll(sid)) {
      exchange.reply(HttpResponseStatus.OK, "text/plain; charset=UTF-8", "6");
    } else {
      EngineIoError.UNKNOWN_SID.replyTo(exchange);
    }
  }

  void unregister(EngineIoSession session) {
    if (sessions.remove(session.id(), session)) {
      sessionSlots.decrementAndGet();
    }
  }

  @Override
  public void handle(FullHttpRequest request, HttpExchange exchange) {
    if (HttpMethod.OPTIONS.equals(request.method())) {
      preflight(request, exchange);
      return;
    }
    InetSocketAddress local = (InetSocketAddress) exchange.channel().localAddress();
    if (!origins.allows(request, local)) {
      log.info(
          "refused origin {} from {}",
          request.headers().get(HttpHeaderNames.ORIGIN),
          exchange.channel().remoteAddress());
      EngineIoError.FORBIDDEN.replyTo(exchange);
      return;
    }
    origins.addCorsHeaders(request, local, exchange.extraHeaders());
    // A poll's answer is one session's packets: no cache may keep or replay it.
    exchange.extraHeaders().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    Map<String, String> query = firstValues(new QueryStringDecoder(request.uri()).parameters());
    String transport = query.get("transport");
    if (transport == null || !options.transports().contains(transport)) {
      EngineIoError.UNKNOWN_TRANSPORT.replyTo(exchange);
      return;
    }
    boolean webSocket = "websocket".equals(transport);
    if (webSocket != isWebSocketUpgrade(request)) {
      EngineIoError.BAD_REQUEST.replyTo(exchange);
      return;
    }
    String sid = query.get("sid");
    if (sid == null) {
      handshake(request, exchange, query, transport);
      return;
    }
    EngineIoSession session = sessions.get(sid);
    if (session == null && !webSocket && HttpMethod.GET.equals(request.method())) {
      answerPollOfEndedSession(sid, exchange);
    } else if (session == null) {
      EngineIoError.UNKNOWN_SID.replyTo(exchange);
    } else if (webSocket) {
      upgrade(request, exchange, session);
    } else if (!session.isPolling()) {
      EngineIoError.BAD_REQUEST.replyTo(exchange);
    } else if (HttpMethod.GET.equals(request.method())) {
      session.onPoll(exchange);
    } else if (HttpMethod.POST.equals(request.method())) {
      post(request, exchange, session);
    } else {
      EngineIoError.BAD_REQUEST.replyTo(exchange);
    }
  }

  private void preflight(FullHttpRequest request, HttpExchange exchange) {
    InetSocketAddress local = (InetSocketAddress) exchange.channel().localAddress();
    if (!origins.allows(request, local)) {
      EngineIoError.FORBIDDEN.replyTo(exchange);
      return;
    }
    origins.addPreflightHeaders(request, local, exchange.extraHeaders());
    exchange.replyEmpty(HttpResponseStatus.NO_CONTENT);
  }

  private void post(FullHttpRequest request, HttpExchange exchange, EngineIoSession session) {
    int length = request.content().readableBytes();
    if (length > options.maxPayload()) {
      log.info("{}: POST of {} bytes exceeds maxPayload {}", session, length, options.maxPayload());
      exchange.replyEmpty(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    session.onPost(exchange, ByteBufUtil.getBytes(request.content()));
  }

  private void handshake(
      FullHttpRequest request, HttpExchange exchange, Map<String, String> query, String transport) {
    if (!HttpMethod.GET.equals(request.method())) {
      EngineIoError.BAD_HANDSHAKE_METHOD.replyTo(exchange);
      return;
    }
    if (!"4".equals(query.get("EIO"))) {
      EngineIoError.UNSUPPORTED_PROTOCOL_VERSION.replyTo(exchange);
      return;
    }
    if (sessionSlots.incrementAndGet() > options.maxConnections()) {
      sessionSlots.decrementAndGet();
      log.warn(
          "refused a handshake from {}: maxConnections {} reached",
          exchange.channel().remoteAddress(),
          options.maxConnections());
      exchange.replyJson(
          HttpResponseStatus.SERVICE_UNAVAILABLE, EngineIoError.BAD_REQUEST.json("Server full"));
      return;
    }
    Channel channel = exchange.channel();
    // A URL made of shared values only (a WebSocket client's
    // "/socket.io/?EIO=4&transport=websocket")
    // is the same for many clients: interned like those values.
    String url =
        SHARED_VALUE_PARAMETERS.containsAll(query.keySet())
            ? request.uri().intern()
            : request.uri();
    EngineIoSocket.Handshake handshake =
        new EngineIoSocket.Handshake(
            url,
            lowerCaseHeaders(request),
            Map.copyOf(query),
            (InetSocketAddress) channel.remoteAddress(),
            System.currentTimeMillis());
    EngineIoSession session =
        new EngineIoSession(
            this, SessionIds.next(options.nodeTag()), handshake, channel.eventLoop());
    sessions.put(session.id(), session);
    if ("websocket".equals(transport)) {
      if (!acceptWebSocket(request, exchange, session)) {
        unregister(session);
        return;
      }
      session.openWithWebSocket(channel);
    } else {
      session.openWithPolling(exchange);
    }
  }

  private void upgrade(FullHttpRequest request, HttpExchange exchange, EngineIoSession session) {
    Channel channel = exchange.channel();
    boolean claimed = session.upgrade().claim(channel);
    if (!acceptWebSocket(request, exchange, session)) {
      if (claimed) {
        session.upgrade().release(channel);
      }
    } else if (claimed) {
      session.upgrade().attach(channel);
    } else {
      log.info(
          "{}: refused an upgrade from {}: already upgraded, upgrading or closing",
          session,
          channel.remoteAddress());
      session.upgrade().refuse(channel);
    }
  }

  /** Completes the WebSocket handshake and turns the connection into a session transport. */
  private boolean acceptWebSocket(
      FullHttpRequest request, HttpExchange exchange, EngineIoSession session) {
    Channel channel = exchange.channel();
    String key = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_KEY);
    if (key == null || key.isBlank()) {
      log.info("bad WebSocket handshake from {}: no Sec-WebSocket-Key", channel.remoteAddress());
      EngineIoError.BAD_REQUEST.replyTo(exchange);
      return false;
    }
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(request.uri(), null, webSocketConfig)
            .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
      return false;
    }
    try {
      handshaker
          .handshake(channel, request)
          .addListener(
              done -> {
                if (!done.isSuccess()) {
                  log.info(
                      "WebSocket handshake with {} failed: {}",
                      channel.remoteAddress(),
                      done.cause().toString());
                  channel.close();
                }
              });
    } catch (RuntimeException e) {
      log.info("bad WebSocket handshake from {}: {}", channel.remoteAddress(), e.getMessage());
      EngineIoError.BAD_REQUEST.replyTo(exchange);
      return false;
    }
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.replace(WebServer.ROUTER_NAME, "ws-utf8", new Utf8FrameValidator(true));
    // The session's heartbeat (or the upgrade timeout of a probe) watches the connection now.
    WebServer.stopIdleTimeout(pipeline);
    pipeline.addLast("engineio-codec", packetCodec);
    pipeline.addLast("engineio-transport", new WebSocketTransportHandler(session));
    return true;
  }

  private static boolean isWebSocketUpgrade(FullHttpRequest request) {
    return HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(
        request.headers().get(HttpHeaderNames.UPGRADE));
  }

  /*
   * Every session keeps its handshake's headers and query for its whole life (socket.handshake).
   * Their names repeat from client to client ("host", "sec-websocket-key", "EIO"...), and so do
   * the values of these few, so they are interned: one copy for all sessions instead of one per
   * session, which is a good part of the memory of an idle connection. Values that differ per
   * client (a WebSocket key, a cookie) are kept as they are.
   */
  private static final Set<String> SHARED_VALUE_HEADERS =
      Set.of(
          "host",
          "upgrade",
          "connection",
          "origin",
          "user-agent",
          "accept",
          "accept-encoding",
          "accept-language",
          "cache-control",
          "pragma",
          "sec-websocket-version",
          "sec-websocket-extensions");
  private static final Set<String> SHARED_VALUE_PARAMETERS = Set.of("EIO", "transport");

  private static Map<String, String> firstValues(Map<String, List<String>> parameters) {
    Map<String, String> first = new HashMap<>();
    parameters.forEach(
        (name, values) -> {
          String value = values.isEmpty() ? "" : values.get(0);
          first.put(name.intern(), SHARED_VALUE_PARAMETERS.contains(name) ? value.intern() : value);
        });
    return first;
  }

  private static Map<String, String> lowerCaseHeaders(FullHttpRequest request) {
    Map<String, String> headers = new HashMap<>();
    request
        .headers()
        .forEach(
            header -> {
              String name = header.getKey().toLowerCase(Locale.ROOT).intern();
              String value = header.getValue();
              headers.putIfAbsent(
                  name, SHARED_VALUE_HEADERS.contains(name) ? value.intern() : value);
            });
    return Map.copyOf(headers);
  }
}
