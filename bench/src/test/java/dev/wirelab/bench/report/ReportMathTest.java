package dev.wirelab.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportMathTest {
  @Test
  void percentilesOfAKnownHistogramInMilliseconds() {
    Histogram nanos = new Histogram(3);
    for (int ms = 1; ms <= 1_000; ms++) {
      nanos.recordValue(ms * 1_000_000L);
    }
    Percentiles p = Percentiles.of(nanos);

    assertThat(p.count()).isEqualTo(1_000);
    // Three significant digits: each value is exact to within 0.1 %.
    assertThat(p.p50Millis()).isCloseTo(500, within(0.5));
    assertThat(p.p99Millis()).isCloseTo(990, within(1.0));
    assertThat(p.p999Millis()).isCloseTo(999, within(1.0));
    assertThat(p.maxMillis()).isCloseTo(1_000, within(1.0));
  }

  @Test
  void anEmptyHistogramIsAllZeros() {
    assertThat(Percentiles.of(new Histogram(3))).isEqualTo(new Percentiles(0, 0, 0, 0, 0));
  }

  @Test
  void cpuTicksAreUtimePlusStimeEvenWithParenthesesInTheName() {
    String stat =
        "4242 (java (bench) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 "
            + "1234 567 0 0 20 0 30 0 100 1000000 5000 18446744073709551615";
    assertThat(ProcessSample.cpuTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void cpuMicrosBetweenTwoSamplesUsesUserHz() {
    ProcessSample before = new ProcessSample(100, 0);
    ProcessSample after = new ProcessSample(350, 0);
    assertThat(ProcessSample.cpuMicrosBetween(before, after)).isEqualTo(2_500_000);
  }

  @Test
  void rssComesFromTheVmRssLine() {
    String status =
        "Name:\tjava\nVmPeak:\t  9000000 kB\nVmRSS:\t   123456 kB\nRssAnon:\t 100000 kB\n";
    assertThat(ProcessSample.rssKb(status)).isEqualTo(123456);
  }

  @Test
  void unreadableProcTextIsAClearError() {
    assertThatThrownBy(() -> ProcessSample.cpuTicks("garbage"))
        .hasMessageStartingWith("not a /proc/PID/stat line");
    assertThatThrownBy(() -> ProcessSample.rssKb("Name:\tkthreadd\n"))
        .hasMessageContaining("no VmRSS line");
  }

  @Test
  void ourOwnProcessCanBeSampled() {
    ProcessSample self = ProcessSample.read(ProcessHandle.current().pid());
    assertThat(self.rssKb()).isPositive();
    assertThat(self.cpuTicks()).isNotNegative();
  }
}
