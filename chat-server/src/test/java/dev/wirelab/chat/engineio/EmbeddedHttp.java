package dev.wirelab.chat.engineio;

import dev.wirelab.chat.http.HttpExchange;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Requests handed straight to an {@link EngineIoServer} on {@code EmbeddedChannel}s: the test plays
 * the web server, so it decides the order in which requests reach a session.
 */
final class EmbeddedHttp {
  private static final int SERVER_PORT = 3000;

  private EmbeddedHttp() {}

  /** A connection from a loopback client (the engine reads both addresses). */
  static EmbeddedChannel connection() {
    return new EmbeddedChannel() {
      @Override
      protected SocketAddress localAddress0() {
        return new InetSocketAddress("127.0.0.1", SERVER_PORT);
      }

      @Override
      protected SocketAddress remoteAddress0() {
        return new InetSocketAddress("127.0.0.1", 1);
      }
    };
  }

  static void send(
      EngineIoServer engine,
      EmbeddedChannel connection,
      HttpMethod method,
      String uri,
      String body) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, method, uri, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    request.headers().set(HttpHeaderNames.HOST, "127.0.0.1:" + SERVER_PORT);
    try {
      engine.handle(request, new HttpExchange(connection, true));
    } finally {
      request.release();
    }
  }

  /** The connection's answer as {@code "status body"}, or null while it has none. */
  static String answer(EmbeddedChannel connection) {
    FullHttpResponse response = connection.readOutbound();
    if (response == null) {
      return null;
    }
    try {
      return response.status().code() + " " + response.content().toString(StandardCharsets.UTF_8);
    } finally {
      response.release();
    }
  }
}
