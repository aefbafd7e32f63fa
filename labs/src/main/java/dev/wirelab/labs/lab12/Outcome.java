package dev.wirelab.labs.lab12;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one client saw of ticks 1..sent, some of them emitted while it was away.
 *
 * @param lost ticks that never arrived
 * @param recovered ticks emitted while the client was away that arrived anyway
 * @param duplicated arrivals of a tick already received
 * @param resumed whether the server gave the client back its old session (same id and rooms)
 */
record Outcome(
    Strategy strategy,
    int sent,
    int received,
    int lost,
    int recovered,
    int duplicated,
    boolean resumed) {

  /**
   * Counts what {@code arrived} (in order of arrival) says, for ticks {@code awayFrom..awayTo}
   * emitted while away.
   */
  static Outcome of(
      Strategy strategy,
      int sent,
      int awayFrom,
      int awayTo,
      List<Integer> arrived,
      boolean resumed) {
    Set<Integer> distinct = new HashSet<>(arrived);
    int missedBack = 0;
    for (int tick = awayFrom; tick <= awayTo; tick++) {
      missedBack += distinct.contains(tick) ? 1 : 0;
    }
    return new Outcome(
        strategy,
        sent,
        arrived.size(),
        sent - distinct.size(),
        missedBack,
        arrived.size() - distinct.size(),
        resumed);
  }
}
