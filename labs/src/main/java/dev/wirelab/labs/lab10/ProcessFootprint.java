package dev.wirelab.labs.lab10;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * This JVM's cost at one moment: live threads, heap in use, and resident memory (the RAM the OS has
 * given the process: heap, thread stacks, everything; Linux only).
 *
 * @param rssKib VmRSS from /proc/self/status, or -1 where there is no /proc
 */
record ProcessFootprint(int threads, long heapUsedBytes, long rssKib) {
  private static final Path STATUS = Path.of("/proc/self/status");

  static ProcessFootprint measure() {
    return new ProcessFootprint(
        ManagementFactory.getThreadMXBean().getThreadCount(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
        residentKib());
  }

  private static long residentKib() {
    if (!Files.isReadable(STATUS)) {
      return -1;
    }
    try {
      return Files.readAllLines(STATUS).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
          .findFirst()
          .orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + STATUS, e);
    }
  }

  String rss() {
    return rssKib < 0 ? "n/a (no /proc)" : String.format(Locale.ROOT, "%.1f MiB", rssKib / 1024.0);
  }

  String heap() {
    return String.format(Locale.ROOT, "%.1f MiB", heapUsedBytes / (1024.0 * 1024.0));
  }
}
