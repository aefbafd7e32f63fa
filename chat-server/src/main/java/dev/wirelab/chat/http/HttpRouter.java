package dev.wirelab.chat.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each complete HTTP request to the first route that matches its method and path. */
@Sharable
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);
  private static final String TEXT = "text/plain; charset=UTF-8";
  private static final String REFERRER_POLICY = "Referrer-Policy";
  private static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

  /** A route and what it answers: one method (or any, when null) and a path or path prefix. */
  record Mapping(String method, String path, boolean prefix, HttpRoute route) {
    boolean matches(String requestMethod, String requestPath) {
      return (method == null || method.equalsIgnoreCase(requestMethod))
          && (prefix ? requestPath.startsWith(path) : requestPath.equals(path));
    }
  }

  private final List<Mapping> mappings;

  HttpRouter(List<Mapping> mappings) {
    this.mappings = List.copyOf(mappings);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    RequestDeadline.completed(ctx.pipeline());
    if (request.decoderResult().isFailure()) {
      Throwable cause = request.decoderResult().cause();
      log.info("bad HTTP request from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
      // After garbage the byte stream cannot be trusted to hold a next request: close.
      HttpResponseStatus status =
          cause instanceof TooLongHttpHeaderException
              ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
              : cause instanceof TooLongHttpLineException
                  ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                  : HttpResponseStatus.BAD_REQUEST;
      new HttpExchange(ctx.channel(), false).reply(status, TEXT, status.reasonPhrase() + "\n");
      return;
    }
    HttpExchange exchange = new HttpExchange(ctx.channel(), HttpUtil.isKeepAlive(request));
    exchange
        .extraHeaders()
        .set(CONTENT_TYPE_OPTIONS, "nosniff")
        .set(REFERRER_POLICY, "no-referrer");
    String path;
    try {
      QueryStringDecoder uri = new QueryStringDecoder(request.uri());
      path = uri.path();
      uri.parameters();
    } catch (IllegalArgumentException e) {
      log.info(
          "bad HTTP request from {}: {}: {}",
          ctx.channel().remoteAddress(),
          abbreviated(request.uri()),
          e.getMessage());
      exchange.reply(HttpResponseStatus.BAD_REQUEST, TEXT, "Bad request: " + e.getMessage() + "\n");
      return;
    }
    for (Mapping mapping : mappings) {
      if (mapping.matches(request.method().name(), path)) {
        handle(mapping, request, exchange);
        return;
      }
    }
    exchange.reply(HttpResponseStatus.NOT_FOUND, TEXT, "Not found\n");
  }

  private static void handle(Mapping mapping, FullHttpRequest request, HttpExchange exchange) {
    try {
      mapping.route().handle(request, exchange);
    } catch (RuntimeException e) {
      log.warn("{} {} failed", request.method(), request.uri(), e);
      if (!exchange.isReplied()) {
        exchange.reply(HttpResponseStatus.INTERNAL_SERVER_ERROR, TEXT, "Internal server error\n");
      }
    }
  }

  private static String abbreviated(String uri) {
    return uri.length() <= 80 ? uri : uri.substring(0, 80) + "...";
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    } else if (cause instanceof PrematureChannelClosureException
        || cause instanceof DecoderException) {
      // The client's doing (it left in the middle of a request): one line, no trace.
      log.info(
          "HTTP connection {} ended mid-request: {}",
          ctx.channel().remoteAddress(),
          cause.getMessage());
    } else {
      log.warn("HTTP connection {} closed after an error", ctx.channel().remoteAddress(), cause);
    }
    ctx.close();
  }
}
