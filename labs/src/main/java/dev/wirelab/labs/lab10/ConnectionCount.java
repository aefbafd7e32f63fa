package dev.wirelab.labs.lab10;

import java.util.function.IntConsumer;

/** How many clients a server holds right now, and a bounded wait until it holds a given number. */
final class ConnectionCount {
  private final IntConsumer onOpened;
  private int open;

  /**
   * {@code onOpened} hears the new count each time a connection opens (server mode narrates it).
   */
  ConnectionCount(IntConsumer onOpened) {
    this.onOpened = onOpened;
  }

  void opened() {
    int now;
    synchronized (this) {
      now = ++open;
      notifyAll();
    }
    onOpened.accept(now);
  }

  synchronized void closed() {
    open--;
    notifyAll();
  }

  synchronized int open() {
    return open;
  }

  /**
   * Waits until exactly {@code expected} connections are open; false if that takes longer than
   * {@code timeoutMillis}.
   */
  synchronized boolean await(int expected, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (open != expected) {
      long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (remainingMillis <= 0) {
        return false;
      }
      wait(remainingMillis);
    }
    return true;
  }
}
