package dev.wirelab.chat.http;

import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Answers HTTP requests for one path (or path prefix). Runs on a Netty event loop: reply at once,
 * or hand slow work (a database) to another thread and reply from there.
 */
@FunctionalInterface
public interface HttpRoute {
  /** The request is released after this returns; copy what you need to keep. */
  void handle(FullHttpRequest request, HttpExchange exchange);
}
