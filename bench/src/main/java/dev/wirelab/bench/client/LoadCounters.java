package dev.wirelab.bench.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What every connection of one run reports into, from any event loop: deliveries with their
 * latency, messages sent, disconnects; and a future that completes once every expected delivery has
 * arrived.
 */
public final class LoadCounters {
  /** Three significant digits keeps the histogram small and percentiles within 0.1 %. */
  private static final int SIGNIFICANT_DIGITS = 3;

  private volatile long startNanos;
  private volatile long measuredFromNanos;
  private final Recorder latencyNanos = new Recorder(SIGNIFICANT_DIGITS);
  private final AtomicLong received = new AtomicLong();
  private final LongAdder sent = new LongAdder();
  private final LongAdder disconnects = new LongAdder();
  private final LongAccumulator lastDeliveryNanos = new LongAccumulator(Long::max, 0);
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final CompletableFuture<Void> allDelivered = new CompletableFuture<>();
  private volatile long expected = Long.MAX_VALUE;

  /**
   * Marks now as the instant send times are measured from, and returns it. Messages scheduled
   * within the first {@code warmupNanos} warm both ends up and are neither counted nor timed.
   */
  public long start(long warmupNanos) {
    measuredFromNanos = warmupNanos;
    startNanos = System.nanoTime();
    return startNanos;
  }

  /** Whether a message scheduled at this time since the start is part of the measurement. */
  boolean measured(long scheduledNanos) {
    return scheduledNanos >= measuredFromNanos;
  }

  /** A chat message scheduled at {@code scheduledNanos} (since the start) arrived now. */
  void delivered(long scheduledNanos) {
    if (!measured(scheduledNanos)) {
      return;
    }
    long sinceStart = System.nanoTime() - startNanos;
    latencyNanos.recordValue(Math.max(0, sinceStart - scheduledNanos));
    lastDeliveryNanos.accumulate(sinceStart);
    if (received.incrementAndGet() >= expected) {
      allDelivered.complete(null);
    }
  }

  void sent() {
    sent.increment();
  }

  void disconnected() {
    disconnects.increment();
  }

  /** Something went wrong on a joined connection; the first such reason is kept for the report. */
  void failure(String why) {
    firstFailure.compareAndSet(null, why);
  }

  /** The first failure on a joined connection, or null. */
  public String firstFailure() {
    return firstFailure.get();
  }

  /** Sending is over: completes {@link #allDelivered()} once this many deliveries arrived. */
  public void expect(long deliveries) {
    expected = deliveries;
    if (received.get() >= deliveries) {
      allDelivered.complete(null);
    }
  }

  public CompletableFuture<Void> allDelivered() {
    return allDelivered;
  }

  public long received() {
    return received.get();
  }

  public long sentMessages() {
    return sent.sum();
  }

  public long disconnects() {
    return disconnects.sum();
  }

  /** Nanoseconds from the end of the warm-up to the latest delivery (0 when none arrived). */
  public long measuredNanos() {
    return Math.max(0, lastDeliveryNanos.get() - measuredFromNanos);
  }

  /** The latencies recorded so far (each call hands over what came since the previous one). */
  public Histogram latencies() {
    return latencyNanos.getIntervalHistogram();
  }
}
