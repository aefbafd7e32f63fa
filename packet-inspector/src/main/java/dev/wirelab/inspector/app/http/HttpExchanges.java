package dev.wirelab.inspector.app.http;

import java.util.ArrayDeque;

/**
 * The requests of one connection still waiting for their response, so the response side knows what
 * it answers (a HEAD has no body, a WebSocket upgrade changes protocol). Bounded: a capture that
 * shows only one direction must not grow it forever.
 */
public final class HttpExchanges {
  private static final int MAX_OUTSTANDING = 256;

  private final ArrayDeque<HttpHead> outstanding = new ArrayDeque<>();

  void requestSent(HttpHead request) {
    if (outstanding.size() == MAX_OUTSTANDING) {
      outstanding.pollFirst();
    }
    outstanding.addLast(request);
  }

  /** The oldest unanswered request, or null when the capture did not show it. */
  HttpHead answered() {
    return outstanding.pollFirst();
  }
}
