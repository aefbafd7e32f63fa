package dev.wirelab.labs.lab13;

import java.util.Locale;

/**
 * How bad the lab's link is. Each percentage is the chance that one datagram suffers that fate;
 * {@code delayMillis} is the one-way delay, so the round trip is twice that. A reordered datagram
 * waits three delays instead of one, so the ones sent after it overtake it.
 */
public record LinkConditions(
    double lossPercent,
    double duplicatePercent,
    double reorderPercent,
    double corruptPercent,
    long delayMillis,
    long seed) {

  public static LinkConditions perfect(long delayMillis) {
    return new LinkConditions(0, 0, 0, 0, delayMillis, 0);
  }

  public LinkConditions withLoss(double percent) {
    return new LinkConditions(
        percent, duplicatePercent, reorderPercent, corruptPercent, delayMillis, seed);
  }

  public LinkConditions withDelay(long millis) {
    return new LinkConditions(
        lossPercent, duplicatePercent, reorderPercent, corruptPercent, millis, seed);
  }

  public long roundTripMillis() {
    return 2 * delayMillis;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "loss=%s%% dup=%s%% reorder=%s%% corrupt=%s%% delay-ms=%d seed=%d",
        number(lossPercent),
        number(duplicatePercent),
        number(reorderPercent),
        number(corruptPercent),
        delayMillis,
        seed);
  }

  private static String number(double percent) {
    return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
  }
}
