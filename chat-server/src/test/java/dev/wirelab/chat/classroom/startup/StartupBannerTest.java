package dev.wirelab.chat.classroom.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StartupBannerTest {
  @Test
  void listsTheUrlsTheTokenAndTheHistoryFile() {
    String out = print("0.0.0.0", List.of("192.168.1.20", "10.0.0.5"));

    assertThat(out)
        .contains("on this machine:  http://localhost:3000/")
        .contains("on the network:   http://192.168.1.20:3000/")
        .contains("on the network:   http://10.0.0.5:3000/")
        .contains("teacher view:     http://localhost:3000/#teacher=s3cret")
        .contains("history:          /tmp/chat.db")
        .contains("▀");
  }

  @Test
  void aServerOnOneAddressSaysSoAndDrawsNoCode() {
    String out = print("127.0.0.1", List.of("192.168.1.20"));

    assertThat(out)
        .contains("on this machine:  http://127.0.0.1:3000/")
        .contains("listening on 127.0.0.1 only")
        .doesNotContain("▀");
  }

  @Test
  void theDrawnCodeHasExactlyTheModulesOfTheQrCode() {
    String url = "http://192.168.1.20:3000/";
    QrCode code = QrCode.encodeText(url, QrCode.Ecc.LOW);
    String[] lines = TerminalQrCode.render(url).split("\n");
    Pattern cell = Pattern.compile("\u001b\\[(30|97);(40|107)m▀");
    int quiet = 2;

    for (int row = 0; row < lines.length; row++) {
      Matcher matcher = cell.matcher(lines[row]);
      for (int column = 0; matcher.find(); column++) {
        int x = column - quiet;
        int y = 2 * row - quiet;
        assertThat(matcher.group(1).equals("30")).isEqualTo(dark(code, x, y));
        assertThat(matcher.group(2).equals("40")).isEqualTo(dark(code, x, y + 1));
      }
    }
    assertThat(lines).hasSize((code.size + 2 * quiet + 1) / 2);
  }

  private static boolean dark(QrCode code, int x, int y) {
    return x >= 0 && y >= 0 && x < code.size && y < code.size && code.getModule(x, y);
  }

  private static String print(String host, List<String> lan) {
    StringWriter text = new StringWriter();
    StartupBanner.print(new PrintWriter(text), host, 3000, lan, "s3cret", Path.of("/tmp/chat.db"));
    return text.toString();
  }
}
