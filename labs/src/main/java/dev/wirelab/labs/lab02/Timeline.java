package dev.wirelab.labs.lab02;

import dev.wirelab.labs.support.Narrator;
import java.util.Locale;

/** One clock for every thread of an experiment, so their events can be put in order. */
final class Timeline {
  private final long start = System.nanoTime();

  /**
   * Prints {@code +1.234 ms <event>} and returns that instant. Stamping and printing happen under
   * one lock, so the printed lines are in the order of their timestamps.
   */
  synchronized long stamp(Narrator narrator, String format, Object... args) {
    long now = System.nanoTime();
    narrator.say("%s  %s", label(now), String.format(Locale.ROOT, format, args));
    return now;
  }

  /** {@code +1.234 ms}: how long after the start {@code nanos} happened. */
  String label(long nanos) {
    return String.format(Locale.ROOT, "+%.3f ms", (nanos - start) / 1e6);
  }
}
