package dev.wirelab.chat.socketio;

/** A token bucket: {@code perSecond} events a second on average, bursts of up to as many. */
final class EventRateLimiter {
  private final double tokensPerNano;
  private final double capacity;
  private double tokens;
  private long lastRefillNanos = System.nanoTime();

  EventRateLimiter(int perSecond) {
    this.tokensPerNano = perSecond / 1e9;
    this.capacity = perSecond;
    this.tokens = perSecond;
  }

  /** Takes one token; false when the bucket is empty. */
  synchronized boolean tryAcquire() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastRefillNanos) * tokensPerNano);
    lastRefillNanos = now;
    if (tokens < 1) {
      return false;
    }
    tokens--;
    return true;
  }
}
