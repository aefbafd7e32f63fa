package dev.wirelab.chat.engineio;

import io.netty.util.concurrent.Ticker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The polling sessions closed by their client's {@code 1} while no GET was waiting, remembered for
 * a moment because the client's poll, sent with the close, may still be on its way: it is answered
 * as it would have been had it come first. Each window is timed by the closing session's own loop
 * clock, the one its heartbeat and upgrade timers run on, so a test that controls that clock
 * controls the window too.
 */
final class CrossedCloses {
  /** How long after the close a poll still counts as one that crossed it. */
  static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final int MAX_REMEMBERED = 10_000;

  private record Window(Ticker clock, long endNanos) {
    boolean isOver() {
      return endNanos - clock.nanoTime() < 0;
    }
  }

  private final Map<String, Window> bySid = new ConcurrentHashMap<>();

  /** Remembers that {@code sid} was closed by its client now, as {@code clock} tells the time. */
  void closedByClient(String sid, Ticker clock) {
    bySid.values().removeIf(Window::isOver);
    if (bySid.size() < MAX_REMEMBERED) {
      bySid.put(sid, new Window(clock, clock.nanoTime() + WINDOW_NANOS));
    }
  }

  /** Whether a poll for {@code sid} crossed its close; true at most once per close. */
  boolean takeCrossedPoll(String sid) {
    Window window = bySid.remove(sid);
    return window != null && !window.isOver();
  }
}
