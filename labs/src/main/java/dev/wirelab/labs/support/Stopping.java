package dev.wirelab.labs.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a lab's threads to end inside {@code close()}, which must not throw
 * InterruptedException (try-with-resources could not tell it from a failure): an interrupt cuts the
 * wait short and stays set for the caller to see.
 */
public final class Stopping {
  private Stopping() {}

  /** True when {@code thread} ended within {@code millis}. */
  public static boolean join(Thread thread, long millis) {
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  /** Stops {@code executor} now; true when its threads ended within {@code millis}. */
  public static boolean shutdownNow(ExecutorService executor, long millis) {
    executor.shutdownNow();
    try {
      return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
