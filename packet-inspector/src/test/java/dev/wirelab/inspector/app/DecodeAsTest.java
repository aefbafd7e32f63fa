package dev.wirelab.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import dev.wirelab.inspector.capture.CaptureFiles;
import dev.wirelab.inspector.capture.CapturedFrame;
import dev.wirelab.inspector.capture.FrameSource;
import dev.wirelab.inspector.capture.PcapWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --decode-as tcp.port=N:websocket}: a capture that starts after the upgrade is still
 * WebSocket.
 */
class DecodeAsTest {
  @TempDir Path temp;

  @Test
  void aCaptureThatStartsAfterTheUpgradeIsDecodedAsWebSocket() throws Exception {
    Path afterUpgrade = temp.resolve("after-upgrade.pcap");
    try (FrameSource source = CaptureFiles.open(Inspector.capture("websocket.pcap").toString());
        PcapWriter writer = new PcapWriter(afterUpgrade.toString())) {
      int number = 0;
      for (CapturedFrame frame = source.next(); frame != null; frame = source.next()) {
        if (++number > 6) {
          writer.write(frame.seconds(), frame.nanos(), frame.len(), frame.linkType(), frame.data());
        }
      }
    }

    String plain = Inspector.run(afterUpgrade.toString()).out();
    String decoded =
        Inspector.run("--decode-as", "tcp.port=12345:websocket", afterUpgrade.toString()).out();

    assertThat(plain).doesNotContain("WS text");
    assertThat(decoded)
        .contains("WS text \"Welcome, 192.168.43.1 !\"", "WS text \"hello websocket\"");
  }

  @Test
  void aRuleThatCannotBeReadIsOneClearError() {
    Inspector.Result result =
        Inspector.run(
            "--decode-as", "udp.port=53:dns", Inspector.capture("websocket.pcap").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: --decode-as udp.port=53:dns: expected tcp.port=PORT:http, tcp.port=PORT:websocket or tcp.port=PORT:tls\n");
  }
}
