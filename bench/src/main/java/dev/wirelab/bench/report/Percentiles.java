package dev.wirelab.bench.report;

import org.HdrHistogram.Histogram;

/**
 * The p50, p99, p99.9 and max of a histogram of nanoseconds, in milliseconds; zeros when it is
 * empty.
 *
 * @param count how many values were recorded
 */
public record Percentiles(
    long count, double p50Millis, double p99Millis, double p999Millis, double maxMillis) {
  private static final double NANOS_PER_MILLI = 1_000_000.0;

  public static Percentiles of(Histogram nanos) {
    if (nanos.getTotalCount() == 0) {
      return new Percentiles(0, 0, 0, 0, 0);
    }
    return new Percentiles(
        nanos.getTotalCount(),
        nanos.getValueAtPercentile(50) / NANOS_PER_MILLI,
        nanos.getValueAtPercentile(99) / NANOS_PER_MILLI,
        nanos.getValueAtPercentile(99.9) / NANOS_PER_MILLI,
        nanos.getMaxValue() / NANOS_PER_MILLI);
  }
}
