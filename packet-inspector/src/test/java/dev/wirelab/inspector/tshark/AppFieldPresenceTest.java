package dev.wirelab.inspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.inspector.Inspector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stricter than agreeing on common fields: the inspector reports the http.* and ws.* fields on
 * exactly the frames where tshark (reassembly off) reports them, no more, no fewer, with the same
 * values; so a message is shown on the frame whose bytes start it, and a segment that begins in the
 * middle of a message shows none.
 */
class AppFieldPresenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tsharkConfig;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "websocket.pcap",
        "socketio.pcap",
        "http_google.pcapng",
        "http_ip4and6.pcapng",
        "simple_http_sll2.pcap",
        "quickplay.pcap",
        "http_espn.pcapng",
        "http-empty-useragent.pcap",
        "http-crash-content-disposition.pcap",
        "twovlan.pcap"
      })
  void applicationFieldsSitOnTheSameFramesAsTsharks(String name) throws Exception {
    Path capture = Inspector.capture(name);
    List<Map<String, Object>> tshark = TsharkOracle.decode(capture, tsharkConfig);
    Inspector.Result ours = Inspector.run("--json", capture.toString());
    String[] lines = ours.out().split("\n");

    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < tshark.size(); i++) {
      long frame = i + 1;
      tshark
          .get(i)
          .forEach(
              (key, value) -> {
                if (isApplication(key)) {
                  expected.add(frame + " " + key + "=" + value.toString().toLowerCase(Locale.ROOT));
                }
              });
      JsonNode mine = JSON.readTree(lines[i]);
      mine.fields()
          .forEachRemaining(
              field -> {
                if (isApplication(field.getKey())) {
                  actual.add(
                      frame
                          + " "
                          + field.getKey()
                          + "="
                          + field.getValue().asText().toLowerCase(Locale.ROOT));
                }
              });
    }
    assertThat(expected).as("tshark shows HTTP or WebSocket in " + name).isNotEmpty();
    assertThat(actual)
        .as("http.*/ws.* fields frame by frame")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static boolean isApplication(String key) {
    return key.startsWith("http.") || key.startsWith("ws.");
  }
}
