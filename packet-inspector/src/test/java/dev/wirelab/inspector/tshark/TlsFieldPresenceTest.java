package dev.wirelab.inspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.inspector.Inspector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stricter than agreeing where both report: the tls.* fields sit on exactly the frames where tshark
 * with reassembly reports them (the frame that completes each record or handshake message), with
 * the same values, and on no other frame.
 */
class TlsFieldPresenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * tshark lists tls.record.version for records with an opaque type too, but the oracle keeps the
   * versions only on frames that also have a content type; so versions are compared where tshark
   * has them, the rest both ways.
   */
  private static final Set<String> BOTH_WAYS =
      Set.of(
          "tls.record.content_type",
          "tls.handshake.type",
          "tls.handshake.sni",
          "tls.handshake.alpn");

  @TempDir Path tsharkConfig;

  @ParameterizedTest
  @ValueSource(strings = {"tls_loopback.pcap", "tls_refusals.pcap"})
  void tlsFieldsSitOnTheSameFramesAsTsharks(String name) throws Exception {
    Path capture = Inspector.capture(name);
    List<Map<String, Object>> tshark = TsharkOracle.decode(capture, tsharkConfig, true);
    Inspector.Result ours = Inspector.run("--json", capture.toString());
    String[] lines = ours.out().split("\n");
    assertThat(lines).hasSameSizeAs(tshark.toArray());

    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < tshark.size(); i++) {
      long frame = i + 1;
      JsonNode mine = JSON.readTree(lines[i]);
      for (Map.Entry<String, Object> field : tshark.get(i).entrySet()) {
        if (BOTH_WAYS.contains(field.getKey())) {
          expected.add(frame + " " + field.getKey() + "=" + field.getValue());
        } else if (field.getKey().equals("tls.record.version")) {
          versions.add(
              frame
                  + " tshark "
                  + field.getValue()
                  + " inspector "
                  + text(mine.get(field.getKey())));
        }
      }
      mine.fields()
          .forEachRemaining(
              field -> {
                if (BOTH_WAYS.contains(field.getKey())) {
                  actual.add(frame + " " + field.getKey() + "=" + text(field.getValue()));
                }
              });
    }
    assertThat(expected).as("tshark shows TLS in " + name).isNotEmpty();
    assertThat(actual).as("tls.* fields frame by frame").containsExactlyElementsOf(expected);
    assertThat(versions)
        .as("record versions where tshark lists them")
        .allSatisfy(
            line ->
                assertThat(line.split(" tshark ")[1].split(" inspector "))
                    .satisfies(parts -> assertThat(parts[1]).isEqualTo(parts[0])));
  }

  private static String text(JsonNode value) {
    if (value == null) {
      return "missing";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asText()));
      return items.toString();
    }
    return value.asText();
  }
}
