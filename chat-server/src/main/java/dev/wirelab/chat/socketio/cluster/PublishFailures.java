package dev.wirelab.chat.socketio.cluster;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per 10 s for messages a cluster adapter could not hand to Redis: while Redis is down
 * every broadcast fails, and one line says enough.
 */
public final class PublishFailures {
  private static final Logger LOG = LoggerFactory.getLogger(PublishFailures.class);
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final String url;
  private volatile long lastWarning = System.nanoTime() - INTERVAL_NANOS;

  public PublishFailures(String url) {
    this.url = url;
  }

  /** Notes that {@code what} did not reach Redis; logs it unless a line went out recently. */
  public void failed(String what, Throwable failure) {
    long now = System.nanoTime();
    if (now - lastWarning >= INTERVAL_NANOS) {
      lastWarning = now;
      LOG.warn(
          "could not publish to {} at {} ({}); other nodes miss it (logged once per 10 s)",
          what,
          url,
          failure.getMessage());
    }
  }
}
