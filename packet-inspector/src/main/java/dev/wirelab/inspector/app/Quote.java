package dev.wirelab.inspector.app;

/** Short, printable renderings of payload text for one-line summaries. */
public final class Quote {
  private static final int MAX = 60;

  private Quote() {}

  /** The text in double quotes, control characters escaped, cut to a readable length. */
  public static String text(String s) {
    StringBuilder out = new StringBuilder("\"");
    int n = Math.min(s.length(), MAX);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(s.length() > MAX ? "…\"" : "\"").toString();
  }

  /** Text cut to a readable length without quotes, e.g. JSON. */
  public static String shorten(String s) {
    return s.length() > MAX * 2 ? s.substring(0, MAX * 2) + "…" : s;
  }
}
