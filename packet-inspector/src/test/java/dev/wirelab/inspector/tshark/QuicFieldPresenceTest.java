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
 * The quic.* fields of the public QUIC capture and of one recorded here with ngtcp2: header form,
 * version, long packet type and connection ids (a short header's too: its length is not in the
 * packet, both learn it from the connection's long headers) on exactly tshark's frames, and the TLS
 * hellos tshark finds by decrypting the Initial packets (type, SNI, ALPN) on the same frames with
 * the same values; Length, where the inspector shows it, equal to tshark's.
 */
class QuicFieldPresenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> BOTH_WAYS =
      Set.of(
          "quic.header_form",
          "quic.version",
          "quic.long.packet_type",
          "quic.dcid",
          "quic.scid",
          "tls.handshake.type",
          "tls.handshake.sni",
          "tls.handshake.alpn");
  private static final Set<String> WHERE_SHOWN = Set.of("quic.length");

  @TempDir Path tsharkConfig;

  @ParameterizedTest
  @ValueSource(strings = {"quic_handshake_truncated.pcap", "quic_loopback.pcap"})
  void quicFieldsAgreeWithTsharkFrameByFrame(String name) throws Exception {
    Path capture = Inspector.capture(name);
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
        String value = field.getValue().toString();
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
                  actual.add(
                      frame + " " + field.getKey() + "=" + FieldAgreement.text(field.getValue()));
                }
                if (WHERE_SHOWN.contains(field.getKey())) {
                  assertThat(tshark.get(frame - 1)).as("tshark too").containsKey(field.getKey());
                }
              });
    }
    assertThat(expected).anySatisfy(line -> assertThat(line).contains("tls.handshake.type"));
    assertThat(expected).anySatisfy(line -> assertThat(line).matches("\\d+ quic.dcid=.*"));
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(shown).as("lengths compared").isGreaterThanOrEqualTo(4);
  }
}
