package dev.wirelab.chat.classroom.startup;

import io.nayuki.qrcodegen.QrCode;

/**
 * Draws a QR code with text characters so a phone can scan a URL straight off the terminal.
 *
 * <p>Each character is an upper half block whose foreground paints one module and whose background
 * paints the module below, both in explicit black and white ANSI colours: the code stays square and
 * scannable whatever the terminal's own colours are.
 */
public final class TerminalQrCode {
  private static final int QUIET_ZONE = 2;
  private static final String RESET = "\u001b[0m";

  private TerminalQrCode() {}

  public static String render(String text) {
    QrCode code = QrCode.encodeText(text, QrCode.Ecc.LOW);
    StringBuilder out = new StringBuilder();
    int from = -QUIET_ZONE;
    int to = code.size + QUIET_ZONE;
    for (int y = from; y < to; y += 2) {
      for (int x = from; x < to; x++) {
        boolean top = dark(code, x, y);
        boolean bottom = y + 1 < to && dark(code, x, y + 1);
        out.append("\u001b[")
            .append(top ? 30 : 97)
            .append(';')
            .append(bottom ? 40 : 107)
            .append("m▀");
      }
      out.append(RESET).append('\n');
    }
    return out.toString();
  }

  private static boolean dark(QrCode code, int x, int y) {
    return x >= 0 && y >= 0 && x < code.size && y < code.size && code.getModule(x, y);
  }
}
