package dev.wirelab.chat.engineio;

import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server-driven heartbeat of Engine.IO v4: a ping every pingInterval, and the session is
 * declared dead when the pong does not come within pingTimeout. Runs on the session's loop.
 *
 * <p>The deadline is a point in time, pingInterval + pingTimeout after the last pong (or the open),
 * not a delay counted from whenever the ping task got to run: on a busy machine a late timer must
 * not lengthen the allowance, and a request that arrives after the deadline finds the session
 * already dead ({@link #isOverdue()}), whether or not the timer has fired yet.
 */
final class Heartbeat {
  private final EventLoop loop;
  private final long intervalNanos;
  private final long timeoutNanos;
  private final Runnable sendPing;
  private final Runnable onTimeout;

  private long pingDueNanos;
  private ScheduledFuture<?> nextPing;
  private ScheduledFuture<?> pongDeadline;
  private boolean stopped;

  Heartbeat(EventLoop loop, EngineIoOptions options, Runnable sendPing, Runnable onTimeout) {
    this.loop = loop;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(options.pingIntervalMillis());
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(options.pingTimeoutMillis());
    this.sendPing = sendPing;
    this.onTimeout = onTimeout;
  }

  void start() {
    pingDueNanos = System.nanoTime() + intervalNanos;
    nextPing = loop.schedule(this::ping, intervalNanos, TimeUnit.NANOSECONDS);
  }

  private void ping() {
    if (stopped) {
      return;
    }
    sendPing.run();
    long untilDeadline = Math.max(0, pingDueNanos + timeoutNanos - System.nanoTime());
    pongDeadline = loop.schedule(onTimeout, untilDeadline, TimeUnit.NANOSECONDS);
  }

  /** A pong arrived: the client is alive; a pong nobody asked for changes nothing. */
  void pong() {
    if (pongDeadline == null || stopped) {
      return;
    }
    pongDeadline.cancel(false);
    pongDeadline = null;
    start();
  }

  /** True once the pong deadline has passed, even if its timer has not run yet. */
  boolean isOverdue() {
    return !stopped && System.nanoTime() - (pingDueNanos + timeoutNanos) >= 0;
  }

  void stop() {
    stopped = true;
    if (nextPing != null) {
      nextPing.cancel(false);
    }
    if (pongDeadline != null) {
      pongDeadline.cancel(false);
    }
  }
}
