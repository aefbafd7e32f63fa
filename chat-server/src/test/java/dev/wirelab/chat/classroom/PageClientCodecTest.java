package dev.wirelab.chat.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's own Socket.IO packet codec, under Node's test runner (client-codec.test.mjs). */
class PageClientCodecTest {
  @Test
  void encodesAndDecodesPacketsAsTheProtocolSays() throws Exception {
    List<String> report = new ArrayList<>();
    int exitCode;
    try (NodePeer node = new NodePeer("--test", "client-codec.test.mjs")) {
      for (String line; (line = node.readLine()) != null; ) {
        report.add(line);
      }
      exitCode = node.await();
    }

    assertThat(exitCode).as(String.join("\n", report)).isZero();
    assertThat(report).contains("# pass 6", "# fail 0");
  }
}
