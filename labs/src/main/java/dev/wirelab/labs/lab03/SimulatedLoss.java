package dev.wirelab.labs.lab03;

import java.util.Random;

/**
 * Decides which datagrams a lossy network "loses". A seeded generator makes the same choices on
 * every run, so a run that showed something interesting can be repeated exactly.
 */
final class SimulatedLoss {
  private final double share;
  private final Random random;

  /**
   * @param percent how many datagrams in a hundred to drop, from 0 to 100
   */
  SimulatedLoss(double percent, long seed) {
    this.share = percent / 100;
    this.random = new Random(seed);
  }

  /** One draw per datagram, in arrival order: the n-th datagram's fate depends only on n. */
  synchronized boolean drop() {
    return random.nextDouble() < share;
  }
}
