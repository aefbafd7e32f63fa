package dev.wirelab.inspector.decode;

/** Timestamp text: the oracle's "SECONDS.UUUUUU" (truncated to microseconds). */
public final class Timestamps {
  private Timestamps() {}

  public static String epochMicros(long seconds, int nanos) {
    String micros = Integer.toString(nanos / 1000);
    return seconds + "." + "000000".substring(micros.length()) + micros;
  }
}
