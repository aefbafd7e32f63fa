package dev.wirelab.inspector.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as text, always in UTC so the same capture reads the same everywhere. */
final class Clock {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private Clock() {}

  /** HH:MM:SS.uuuuuu, like tcpdump. */
  static void appendTime(StringBuilder line, long seconds, int nanos) {
    long secondOfDay = Math.floorMod(seconds, 86_400L);
    two(line, (int) (secondOfDay / 3600));
    line.append(':');
    two(line, (int) (secondOfDay / 60 % 60));
    line.append(':');
    two(line, (int) (secondOfDay % 60));
    line.append('.');
    int micros = nanos / 1000;
    for (int div = 100_000; div > 0; div /= 10) {
      line.append((char) ('0' + micros / div % 10));
    }
  }

  /** 2024-05-01 12:00:00.123456789 UTC */
  static String dateTime(long seconds, int nanos) {
    return DATE.format(Instant.ofEpochSecond(seconds))
        + "."
        + String.format("%09d", nanos)
        + " UTC";
  }

  private static void two(StringBuilder line, int value) {
    line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
