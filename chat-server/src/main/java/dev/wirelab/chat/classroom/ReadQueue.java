package dev.wirelab.chat.classroom;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One page's history reads, one at a time: the next starts when the last is answered. So the shared
 * history thread holds at most one read per page, and a page asking for a thousand waits for its
 * own answers while everyone else's are served.
 */
final class ReadQueue {
  private final int capacity;
  private final Deque<Supplier<? extends CompletionStage<?>>> waiting = new ArrayDeque<>();
  private boolean reading;

  /**
   * @param capacity how many reads may wait behind the running one
   */
  ReadQueue(int capacity) {
    this.capacity = capacity;
  }

  /** Starts the read now or after the ones before it; false if too many are waiting already. */
  boolean offer(Supplier<? extends CompletionStage<?>> read) {
    synchronized (this) {
      if (reading) {
        if (waiting.size() >= capacity) {
          return false;
        }
        waiting.add(read);
        return true;
      }
      reading = true;
    }
    start(read);
    return true;
  }

  private void start(Supplier<? extends CompletionStage<?>> read) {
    read.get().whenComplete((answer, failure) -> next());
  }

  private void next() {
    Supplier<? extends CompletionStage<?>> read;
    synchronized (this) {
      read = waiting.poll();
      if (read == null) {
        reading = false;
        return;
      }
    }
    start(read);
  }
}
