package dev.wirelab.chat.classroom.moderation;

import java.util.function.LongSupplier;

/**
 * A token bucket for one connection: a burst of {@code capacity} messages, then one every {@code
 * refillNanos}. Enough for a quick conversation, not for a script flooding the room.
 */
public final class RateLimiter {
  private final int capacity;
  private final long refillNanos;
  private final LongSupplier clock;
  private double tokens;
  private long updatedAt;

  public RateLimiter(int capacity, long refillNanos, LongSupplier clock) {
    this.capacity = capacity;
    this.refillNanos = refillNanos;
    this.clock = clock;
    this.tokens = capacity;
    this.updatedAt = clock.getAsLong();
  }

  /** Takes one token if there is one; false means the sender must slow down. */
  public synchronized boolean tryAcquire() {
    long now = clock.getAsLong();
    tokens = Math.min(capacity, tokens + (double) (now - updatedAt) / refillNanos);
    updatedAt = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
