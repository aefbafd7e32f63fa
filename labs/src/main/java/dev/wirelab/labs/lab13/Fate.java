package dev.wirelab.labs.lab13;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What the link does to one datagram. It is drawn from the seed, the direction, the datagram's
 * bytes and how often the link has seen those bytes before, never from the order datagrams happen
 * to arrive in: so the same seed loses the same segments (and the same retransmissions of them)
 * whatever the threads' timing.
 */
public record Fate(
    boolean lost, boolean duplicated, boolean reordered, boolean corrupted, int flipBit) {

  static Fate draw(LinkConditions link, Direction direction, byte[] datagram, int occurrence) {
    long key = link.seed();
    key = key * 1_000_003L + direction.ordinal();
    key = key * 1_000_003L + Arrays.hashCode(datagram);
    key = key * 1_000_003L + occurrence;
    SplittableRandom random = new SplittableRandom(key);
    boolean lost = chance(random, link.lossPercent());
    boolean duplicated = chance(random, link.duplicatePercent());
    boolean reordered = chance(random, link.reorderPercent());
    boolean corrupted = chance(random, link.corruptPercent());
    return new Fate(lost, duplicated, reordered, corrupted, random.nextInt(datagram.length * 8));
  }

  private static boolean chance(SplittableRandom random, double percent) {
    return random.nextDouble() * 100 < percent;
  }

  /** Which way a datagram travels through the link. */
  public enum Direction {
    /** From the sender to the receiver: data. */
    FORWARD("->"),
    /** From the receiver back to the sender: acknowledgments. */
    BACKWARD("<-");

    final String arrow;

    Direction(String arrow) {
      this.arrow = arrow;
    }
  }
}
