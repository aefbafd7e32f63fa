package dev.wirelab.labs.lab13;

/**
 * What one transfer cost: how many segments went out for how many were needed, how many timers
 * expired, and how long until the last acknowledgment.
 */
public record Transfer(int bytes, int segments, int transmissions, int timeouts, long nanos) {
  public int retransmissions() {
    return transmissions - segments;
  }

  /** Useful bytes per second: only the data, counted once, however often it was sent. */
  public double goodputKibPerSecond() {
    return bytes / 1024.0 / (nanos / 1e9);
  }
}
