package dev.wirelab.labs.lab12;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's record of every tick, each at an offset (1, 2, 3, ...) that never changes. Kept in
 * memory for the lab; a real one is a table or a log file, so it outlives the server process.
 */
final class DurableLog {
  /** One logged tick. */
  record Entry(long offset, int tick) {}

  private final List<Integer> ticks = new ArrayList<>();

  synchronized long append(int tick) {
    ticks.add(tick);
    return ticks.size();
  }

  /** Every entry with an offset greater than {@code offset}, oldest first. */
  synchronized List<Entry> after(long offset) {
    List<Entry> newer = new ArrayList<>();
    for (int i = (int) Math.max(offset, 0); i < ticks.size(); i++) {
      newer.add(new Entry(i + 1, ticks.get(i)));
    }
    return newer;
  }
}
