package dev.wirelab.labs.lab06;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HttpDateTest {

  @Test
  void aOneDigitDayIsWrittenWithTwoDigits() {
    assertThat(dateAt("2027-01-05T23:59:58Z")).isEqualTo("Tue, 05 Jan 2027 23:59:58 GMT");
  }

  @Test
  void theClocksZoneDoesNotMatterTheHeaderIsAlwaysGmt() {
    Clock kiritimati =
        Clock.fixed(Instant.parse("2026-12-01T21:23:26Z"), ZoneId.of("Pacific/Kiritimati"));

    assertThat(new HttpDate(kiritimati).now()).isEqualTo("Tue, 01 Dec 2026 21:23:26 GMT");
  }

  @Test
  void dayAndMonthNamesAreEnglishWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(dateAt("2027-08-19T08:07:06Z")).isEqualTo("Thu, 19 Aug 2027 08:07:06 GMT");
    } finally {
      Locale.setDefault(before);
    }
  }

  private static String dateAt(String instant) {
    return new HttpDate(Clock.fixed(Instant.parse(instant), ZoneId.of("UTC"))).now();
  }
}
