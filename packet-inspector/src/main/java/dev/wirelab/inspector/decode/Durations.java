package dev.wirelab.inspector.decode;

/** A number of seconds as a person reads it: "1 h", "30 min", "1 d 2 h". */
final class Durations {
  private Durations() {}

  /** Empty below a minute, where the seconds alone read well. */
  static String readable(long seconds) {
    if (seconds == 0xFFFFFFFFL) {
      return "infinite";
    }
    long abs = Math.abs(seconds);
    if (abs < 60) {
      return "";
    }
    StringBuilder text = new StringBuilder(seconds < 0 ? "-" : "");
    long[] units = {86_400, 3_600, 60, 1};
    String[] names = {"d", "h", "min", "s"};
    for (int i = 0; i < units.length; i++) {
      if (abs >= units[i]) {
        text.append(text.length() > (seconds < 0 ? 1 : 0) ? " " : "");
        text.append(abs / units[i]).append(' ').append(names[i]);
        abs %= units[i];
      }
    }
    return text.toString();
  }
}
