package dev.wirelab.chat.lb;

import dev.wirelab.chat.engineio.EngineIoError;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards each HTTP request of one client connection to the node {@link NodeRoutes} picks, one
 * request at a time, each over a connection of its own to the node; a WebSocket upgrade instead
 * turns both connections into a {@link Relay}, since a WebSocket stays with its node.
 */
final class ProxyHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(ProxyHandler.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

  private final NodeRoutes routes;
  private final int maxBody;
  private Channel node;

  ProxyHandler(NodeRoutes routes, int maxBody) {
    this.routes = routes;
    this.maxBody = maxBody;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    // One request at a time: the next is read once this one is answered, so answers keep order.
    ctx.channel().config().setAutoRead(false);
    List<String> sids = new QueryStringDecoder(request.uri()).parameters().get("sid");
    NodeRoutes.Node target;
    try {
      target = routes.route(sids == null ? null : sids.get(0));
    } catch (NodeRoutes.UnknownNode e) {
      log.info("{} {}: {}", remote(ctx), request.uri(), e.getMessage());
      // Engine.IO's own answer for a session it does not know: clients handle it as such.
      answer(
          ctx,
          EngineIoError.UNKNOWN_SID.status(),
          "application/json",
          EngineIoError.UNKNOWN_SID.json(),
          HttpUtil.isKeepAlive(request));
      return;
    }
    request.headers().add("X-Forwarded-For", remote(ctx).getAddress().getHostAddress());
    if (HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(request.headers().get("Upgrade"))) {
      relayWebSocket(ctx, request.retain(), target);
    } else {
      forward(ctx, request.retain(), target);
    }
  }

  private void forward(ChannelHandlerContext ctx, FullHttpRequest request, NodeRoutes.Node target) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(request, false);
    connect(
        ctx,
        request,
        target,
        pipeline ->
            pipeline
                .addLast(new HttpClientCodec())
                .addLast(new HttpObjectAggregator(maxBody))
                .addLast(new AnswerHandler(ctx, keepAlive, target)),
        connected -> connected.writeAndFlush(request));
  }

  private void relayWebSocket(
      ChannelHandlerContext ctx, FullHttpRequest request, NodeRoutes.Node target) {
    connect(
        ctx,
        request,
        target,
        pipeline ->
            pipeline
                .addLast("request-encoder", new HttpRequestEncoder())
                .addLast(new Relay(ctx.channel())),
        connected -> {
          // From here on the client's bytes are the node's, unparsed, both ways.
          ctx.pipeline().remove(LoadBalancer.HTTP_CODEC);
          ctx.pipeline().remove(LoadBalancer.HTTP_AGGREGATOR);
          ctx.pipeline().replace(this, "relay", new Relay(connected));
          connected
              .writeAndFlush(request)
              .addListener(written -> connected.pipeline().remove("request-encoder"));
          ctx.channel().config().setAutoRead(true);
        });
  }

  private void connect(
      ChannelHandlerContext ctx,
      FullHttpRequest request,
      NodeRoutes.Node target,
      Consumer<ChannelPipeline> pipeline,
      Consumer<Channel> whenConnected) {
    new Bootstrap()
        .group(ctx.channel().eventLoop())
        .channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel channel) {
                pipeline.accept(channel.pipeline());
              }
            })
        .connect(target.address())
        .addListener(
            (ChannelFutureListener)
                future -> {
                  if (future.isSuccess()) {
                    node = future.channel();
                    whenConnected.accept(node);
                  } else {
                    log.warn("node {} is not answering: {}", target, future.cause().getMessage());
                    answer(
                        ctx,
                        HttpResponseStatus.BAD_GATEWAY,
                        PLAIN_TEXT,
                        "node " + target.tag() + " is not answering\n",
                        HttpUtil.isKeepAlive(request));
                    request.release();
                  }
                });
  }

  /** The client went away: so does its request to the node (a long-poll, say). */
  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (node != null) {
      node.close();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("{}: {}", ctx.channel(), cause.toString());
    ctx.close();
  }

  private static InetSocketAddress remote(ChannelHandlerContext ctx) {
    return (InetSocketAddress) ctx.channel().remoteAddress();
  }

  /** An answer of the balancer's own, then the client's next request is read or it is closed. */
  private static void answer(
      ChannelHandlerContext ctx,
      HttpResponseStatus status,
      String type,
      String body,
      boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    HttpUtil.setContentLength(response, response.content().readableBytes());
    send(ctx, response, keepAlive);
  }

  /** Writes an answer to the client, then reads its next request or closes. */
  static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    HttpUtil.setKeepAlive(response, keepAlive);
    var written = ctx.writeAndFlush(response);
    if (keepAlive) {
      written.addListener(done -> ctx.channel().config().setAutoRead(true));
    } else {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** The node's answer to one forwarded request, passed back to the client. */
  private static final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    private final ChannelHandlerContext client;
    private final boolean keepAlive;
    private final NodeRoutes.Node target;
    private boolean answered;

    AnswerHandler(ChannelHandlerContext client, boolean keepAlive, NodeRoutes.Node target) {
      this.client = client;
      this.keepAlive = keepAlive;
      this.target = target;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      answered = true;
      send(client, response.retain(), keepAlive);
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!answered && client.channel().isActive()) {
        log.warn("node {} closed before it answered", target);
        answer(
            client,
            HttpResponseStatus.BAD_GATEWAY,
            PLAIN_TEXT,
            "node " + target.tag() + " closed before it answered\n",
            false);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("node {}: {}", target, cause.toString());
      ctx.close();
    }
  }
}
