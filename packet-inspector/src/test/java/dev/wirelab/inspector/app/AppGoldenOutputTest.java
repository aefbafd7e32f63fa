package dev.wirelab.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Summary and layer tree of captures with HTTP, WebSocket, Socket.IO and TLS print exactly the
 * reviewed dumps in src/test/resources/golden-app. After a deliberate change, regenerate with
 * {@code ./wirelab inspect [--layers] CAPTURE > golden-app/CAPTURE.MODE.txt} and review the diff.
 */
class AppGoldenOutputTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "websocket.pcap, summary",
    "websocket.pcap, layers",
    "http_google.pcapng, summary",
    "http_google.pcapng, layers",
    "socketio.pcap, summary",
    "tls_loopback.pcap, summary",
    "tls_loopback.pcap, layers",
    "tls_refusals.pcap, summary"
  })
  void printsTheReviewedDump(String capture, String mode) throws Exception {
    String file = Inspector.capture(capture).toString();
    Inspector.Result result =
        mode.equals("layers") ? Inspector.run("--layers", file) : Inspector.run(file);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(Files.readString(reviewed(capture + "." + mode + ".txt")));
  }

  private static Path reviewed(String name) throws URISyntaxException {
    return Path.of(AppGoldenOutputTest.class.getResource("/golden-app/" + name).toURI());
  }
}
