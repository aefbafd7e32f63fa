package dev.wirelab.chat.classroom.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * How long a durable send takes: appends messages one after the other (as the chat's single history
 * thread does) to a fresh file and prints latency percentiles and throughput. Run: {@code java -cp
 * <test classpath> dev.wirelab.chat.classroom.store.HistoryWriteBenchmark [count] [dir]}.
 */
public final class HistoryWriteBenchmark {
  private HistoryWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    Path dir =
        Files.createTempDirectory(
            args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir")),
            "history-bench");
    Path file = dir.resolve("chat.db");
    long[] nanos = new long[count];
    String text = "a typical classroom message of about sixty characters, really";
    long start = System.nanoTime();
    try (MessageStore store = MessageStore.open(file)) {
      for (int i = 0; i < count; i++) {
        long before = System.nanoTime();
        store.append("room-" + (i % 4), "client-" + i, "bench", text, System.currentTimeMillis());
        nanos[i] = System.nanoTime() - before;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(
        "%d durable appends (WAL, synchronous=FULL) to %s in %.2f s: %.0f messages/s%n",
        count, file, seconds, count / seconds);
    System.out.printf(
        "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        millis(nanos[count / 2]), millis(nanos[(int) (count * 0.99)]), millis(nanos[count - 1]));
    for (Path path : Files.list(dir).toList()) {
      Files.delete(path);
    }
    Files.delete(dir);
  }

  private static double millis(long nanos) {
    return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }
}
