package dev.wirelab.bench.client;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Emits {@code chat} on one connection on a fixed schedule, message k at {@code offset + k *
 * period}. Each message carries its scheduled time, not the time it left: if the sender falls
 * behind it catches up in a burst and the delay shows as latency, so a stalled server cannot hide
 * behind a polite client (no coordinated omission).
 */
final class Sender {
  private final Channel channel;
  private final int index;
  private final LoadCounters counters;
  private final long startNanos;
  private final long periodNanos;
  private final long endNanos;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private long next;

  /**
   * @param offsetNanos when the first message is due, spreading senders over one period
   * @param endNanos no message is scheduled at or after this time since the start
   */
  Sender(
      Channel channel,
      int index,
      LoadCounters counters,
      long startNanos,
      long periodNanos,
      long offsetNanos,
      long endNanos) {
    this.channel = channel;
    this.index = index;
    this.counters = counters;
    this.startNanos = startNanos;
    this.periodNanos = periodNanos;
    this.endNanos = endNanos;
    this.next = offsetNanos;
  }

  /** Starts sending on the connection's event loop; the future completes after the last message. */
  CompletableFuture<Void> start() {
    channel.eventLoop().execute(this::sendDue);
    return done;
  }

  private void sendDue() {
    long now = System.nanoTime() - startNanos;
    boolean wrote = false;
    while (next < endNanos && next <= now) {
      channel.write(new TextWebSocketFrame(ChatFrames.chat(next, index)), channel.voidPromise());
      if (counters.measured(next)) {
        counters.sent();
      }
      next += periodNanos;
      wrote = true;
    }
    if (wrote) {
      channel.flush();
    }
    if (next < endNanos) {
      channel.eventLoop().schedule(this::sendDue, next - now, TimeUnit.NANOSECONDS);
    } else {
      done.complete(null);
    }
  }
}
