package dev.wirelab.inspector.decode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A 64-bit NTP timestamp (RFC 5905 6): seconds since 1900 and a 32-bit binary fraction. */
final class NtpTimestamp {
  /** Seconds from 1900-01-01 (the NTP epoch) to 1970-01-01 (Java's). */
  private static final long NTP_TO_UNIX = 2_208_988_800L;

  private static final long ERA = 1L << 32;
  private static final DateTimeFormatter TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private NtpTimestamp() {}

  /** Whether the 8 bytes are all zero: the sender did not set this timestamp. */
  static boolean isZero(byte[] data, int offset) {
    return Bytes.u32(data, offset) == 0 && Bytes.u32(data, offset + 4) == 0;
  }

  /**
   * The instant, to the nanosecond (the fraction cut, not rounded, as tshark does). Seconds with
   * the top bit clear are taken to be in era 1, after 2036-02-07 (RFC 4330 3), so the 136 years
   * read run from 1968 to 2104.
   */
  static Instant instant(byte[] data, int offset) {
    long seconds = Bytes.u32(data, offset);
    long fraction = Bytes.u32(data, offset + 4);
    if (seconds < ERA / 2) {
      seconds += ERA;
    }
    long nanos = (fraction * 1_000_000_000L) >>> 32;
    return Instant.ofEpochSecond(seconds - NTP_TO_UNIX, nanos);
  }

  /** "2026-12-02 13:41:48.732800483 UTC". */
  static String text(Instant instant) {
    return TEXT.format(instant);
  }
}
