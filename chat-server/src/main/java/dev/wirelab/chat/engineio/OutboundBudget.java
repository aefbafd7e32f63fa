package dev.wirelab.chat.engineio;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * The server-wide limit on bytes waiting for WebSocket clients ({@code maxTotalOutboundBytes}).
 * Summing what every session holds is a pass over all sessions, so only a session holding more than
 * its share (the limit divided among the open sessions) asks, and a sum is reused for a few
 * milliseconds: under overload, when many sessions ask, the pass runs once per interval rather than
 * once per write.
 */
final class OutboundBudget {
  private static final long RECOUNT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final long limit;
  private final Collection<EngineIoSession> sessions;
  private volatile long total;
  private volatile long countedAtNanos = System.nanoTime() - 2 * RECOUNT_NANOS;

  OutboundBudget(long limit, Collection<EngineIoSession> sessions) {
    this.limit = limit;
    this.sessions = sessions;
  }

  long limit() {
    return limit;
  }

  /**
   * True when a session holding {@code waiting} bytes takes more than its share of a spent budget.
   */
  boolean isExceededBy(long waiting) {
    return waiting > limit / Math.max(1, sessions.size()) && total() > limit;
  }

  /** What all sessions hold, counted at most {@link #RECOUNT_NANOS} ago. */
  long total() {
    long now = System.nanoTime();
    if (now - countedAtNanos > RECOUNT_NANOS) {
      long sum = 0;
      for (EngineIoSession session : sessions) {
        sum += session.webSocketBytesWaiting();
      }
      total = sum;
      countedAtNanos = now;
    }
    return total;
  }
}
