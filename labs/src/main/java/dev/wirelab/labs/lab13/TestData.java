package dev.wirelab.labs.lab13;

import java.util.SplittableRandom;

/** Bytes to transfer: random, so that a segment delivered twice or out of place shows. */
public final class TestData {
  private TestData() {}

  public static byte[] bytes(int length, long seed) {
    byte[] data = new byte[length];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < length; i++) {
      data[i] = (byte) random.nextInt(256);
    }
    return data;
  }
}
