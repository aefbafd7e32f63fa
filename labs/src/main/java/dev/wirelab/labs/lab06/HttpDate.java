package dev.wirelab.labs.lab06;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header's value in the one form RFC 9110 §5.6.7 lets a server send, IMF-fixdate:
 * {@code Tue, 05 Jan 2027 23:59:58 GMT}. Always two digits for the day, English day and month names
 * whatever the machine's language, and GMT whatever its time zone.
 */
final class HttpDate {
  // RFC_1123_DATE_TIME would write "5 Jan": one digit, which IMF-fixdate does not allow.
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Clock clock;

  HttpDate(Clock clock) {
    this.clock = clock;
  }

  /** Now, by the clock this was made with. */
  String now() {
    return IMF_FIXDATE.format(clock.instant());
  }
}
