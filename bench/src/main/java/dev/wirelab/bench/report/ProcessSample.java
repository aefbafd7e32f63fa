package dev.wirelab.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the kernel says about a process at one instant: CPU time used so far and resident memory,
 * read from {@code /proc/PID/stat} and {@code /proc/PID/status}.
 *
 * @param cpuTicks user + system time in clock ticks (USER_HZ)
 * @param rssKb resident set size, VmRSS, in KiB
 */
public record ProcessSample(long cpuTicks, long rssKb) {
  /**
   * Clock ticks per second in /proc times. The kernel reports them in USER_HZ, which is part of its
   * user-space ABI and 100 on every architecture Linux runs Java on.
   */
  public static final long TICKS_PER_SECOND = 100;

  /** Reads both files of {@code pid}; fails with a one-line message when the process is gone. */
  public static ProcessSample read(long pid) {
    Path dir = Path.of("/proc", Long.toString(pid));
    try {
      return new ProcessSample(
          cpuTicks(Files.readString(dir.resolve("stat"))),
          rssKb(Files.readString(dir.resolve("status"))));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read /proc/"
              + pid
              + " (is process "
              + pid
              + " running, on Linux?): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * utime + stime, fields 14 and 15 of {@code /proc/PID/stat}. The command name (field 2) is in
   * parentheses and may itself contain spaces and parentheses, so fields are counted from the last
   * ')'.
   */
  public static long cpuTicks(String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      throw new IllegalArgumentException("not a /proc/PID/stat line: " + abbreviate(stat));
    }
    String[] fields = stat.substring(end + 1).trim().split("\\s+");
    // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
    if (fields.length < 13) {
      throw new IllegalArgumentException("too few fields in /proc/PID/stat: " + abbreviate(stat));
    }
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The {@code VmRSS: 12345 kB} line of {@code /proc/PID/status}. */
  public static long rssKb(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB")) {
          return Long.parseLong(parts[0]);
        }
        throw new IllegalArgumentException("unexpected VmRSS line: " + line);
      }
    }
    throw new IllegalArgumentException("no VmRSS line in /proc/PID/status (a kernel thread?)");
  }

  /** CPU time between two samples in microseconds. */
  public static long cpuMicrosBetween(ProcessSample before, ProcessSample after) {
    return (after.cpuTicks - before.cpuTicks) * 1_000_000 / TICKS_PER_SECOND;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text.strip() : text.substring(0, 80) + "...";
  }
}
