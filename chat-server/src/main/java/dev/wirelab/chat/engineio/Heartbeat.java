package dev.wirelab.chat.engineio;

import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server-driven heartbeat of Engine.IO v4: a ping every pingInterval, and the session is
 * declared dead when the pong does not come within pingTimeout. Runs on the session's loop.
 */
final class Heartbeat {
  private final EventLoop loop;
  private final long intervalMillis;
  private final long timeoutMillis;
  private final Runnable sendPing;
  private final Runnable onTimeout;

  private ScheduledFuture<?> nextPing;
  private ScheduledFuture<?> pongDeadline;
  private boolean stopped;

  Heartbeat(EventLoop loop, EngineIoOptions options, Runnable sendPing, Runnable onTimeout) {
    this.loop = loop;
    this.intervalMillis = options.pingIntervalMillis();
    this.timeoutMillis = options.pingTimeoutMillis();
    this.sendPing = sendPing;
    this.onTimeout = onTimeout;
  }

  void start() {
    nextPing = loop.schedule(this::ping, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private void ping() {
    if (stopped) {
      return;
    }
    sendPing.run();
    pongDeadline = loop.schedule(onTimeout, timeoutMillis, TimeUnit.MILLISECONDS);
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
