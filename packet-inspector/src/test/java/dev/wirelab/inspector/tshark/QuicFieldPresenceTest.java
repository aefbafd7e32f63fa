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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quic.* fields of the public QUIC capture: header form, version and long packet type on
 * exactly tshark's frames; connection ids and Length, where the inspector shows them, equal to
 * tshark's (a short header's connection id is left out: its length is not in the packet, tshark
 * learns it from the handshake).
 */
class QuicFieldPresenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> BOTH_WAYS =
      Set.of("quic.header_form", "quic.version", "quic.long.packet_type");
  private static final Set<String> WHERE_SHOWN = Set.of("quic.dcid", "quic.scid", "quic.length");

  @TempDir Path tsharkConfig;

  @Test
  void quicFieldsAgreeWithTsharkFrameByFrame() throws Exception {
    Path capture = Inspector.capture("quic_handshake_truncated.pcap");
    List<Map<String, Object>> tshark = TsharkOracle.decode(capture, tsharkConfig);
    String[] lines = Inspector.run("--json", capture.toString()).out().split("\n");
    assertThat(lines).hasSize(tshark.size());

    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    int shown = 0;
    for (int i = 0; i < tshark.size(); i++) {
      JsonNode mine = JSON.readTree(lines[i]);
      for (Map.Entry<String, Object> field : tshark.get(i).entrySet()) {
        String key = field.getKey();
        String value = field.getValue().toString().toLowerCase(Locale.ROOT);
        if (BOTH_WAYS.contains(key)) {
          expected.add((i + 1) + " " + key + "=" + value);
        } else if (WHERE_SHOWN.contains(key) && mine.has(key)) {
          shown++;
          assertThat(mine.get(key).asText()).as("frame %d %s", i + 1, key).isEqualTo(value);
        }
      }
      int frame = i + 1;
      mine.fields()
          .forEachRemaining(
              field -> {
                if (BOTH_WAYS.contains(field.getKey())) {
                  actual.add(frame + " " + field.getKey() + "=" + field.getValue().asText());
                }
                if (WHERE_SHOWN.contains(field.getKey())) {
                  assertThat(tshark.get(frame - 1)).as("tshark too").containsKey(field.getKey());
                }
              });
    }
    assertThat(expected).isNotEmpty();
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(shown).as("connection ids and lengths compared").isGreaterThan(10);
  }
}
