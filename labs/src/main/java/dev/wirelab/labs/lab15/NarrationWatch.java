package dev.wirelab.labs.lab15;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Passes the loop's narration on, and lets the demo wait until the loop has said something: the
 * loop runs on its own thread, and the story must not go on before the loop has seen an event.
 */
final class NarrationWatch implements Consumer<String> {
  private final Consumer<String> next;
  private final List<String> lines = new ArrayList<>();

  NarrationWatch(Consumer<String> next) {
    this.next = next;
  }

  @Override
  public void accept(String line) {
    next.accept(line);
    synchronized (this) {
      lines.add(line);
      notifyAll();
    }
  }

  /** Waits until a line said so far contains every one of {@code parts}. */
  synchronized void await(long timeoutMillis, String... parts)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (lines.stream().noneMatch(line -> containsAll(line, parts))) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new IOException("the loop never said " + String.join(" ... ", parts));
      }
      wait(left);
    }
  }

  private static boolean containsAll(String line, String... parts) {
    for (String part : parts) {
      if (!line.contains(part)) {
        return false;
      }
    }
    return true;
  }
}
