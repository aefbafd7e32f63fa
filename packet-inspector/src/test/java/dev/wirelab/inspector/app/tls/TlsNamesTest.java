package dev.wirelab.inspector.app.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.testkit.RealClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed tables name every code as tshark's own value tables do ({@code tshark -G values}):
 * cipher suites by the same IANA name, handshake types and alerts by the same words.
 */
class TlsNamesTest {
  @TempDir Path tsharkConfig;

  @Test
  void cipherSuitesHaveTsharksIanaNames() throws Exception {
    Map<Integer, String> tshark = values("tls.handshake.ciphersuite");
    for (CipherSuite suite : CipherSuite.values()) {
      assertThat(suite.name()).as("0x%04x", suite.code()).isEqualTo(tshark.get(suite.code()));
    }
    assertThat(CipherSuite.label(0x1301)).isEqualTo("TLS_AES_128_GCM_SHA256");
    assertThat(CipherSuite.label(0xfefe)).isEqualTo("0xfefe");
    assertThat(CipherSuite.label(0x2a2a)).isEqualTo("0x2a2a (GREASE)");
  }

  @Test
  void handshakeTypesAlertsAndContentTypesHaveTsharksWords() throws Exception {
    Map<Integer, String> handshakes = values("tls.handshake.type");
    for (TlsHandshakeType type : TlsHandshakeType.values()) {
      assertThat(words(type.label())).as(type.name()).isEqualTo(words(handshakes.get(type.code())));
    }
    Map<Integer, String> alerts = values("tls.alert_message.desc");
    for (TlsAlert alert : TlsAlert.values()) {
      assertThat(words(TlsAlert.label(alert.code())))
          .as(alert.name())
          .isEqualTo(words(alerts.get(alert.code())));
    }
    Map<Integer, String> contentTypes = values("tls.record.content_type");
    for (TlsContentType type : TlsContentType.values()) {
      assertThat(words(type.label())).isEqualTo(words(contentTypes.get(type.code())));
    }
  }

  /** Case and spaces aside: "ClientHello" is tshark's "Client Hello". */
  private static String words(String name) {
    return name == null ? "(tshark has none)" : name.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  private Map<Integer, String> values(String field) throws Exception {
    ProcessBuilder builder =
        RealClock.forChild(
            new ProcessBuilder("tshark", "-G", "values")
                .redirectError(ProcessBuilder.Redirect.DISCARD));
    builder.environment().put("WIRESHARK_CONFIG_DIR", tsharkConfig.toString());
    Process tshark = builder.start();
    Map<Integer, String> names = new HashMap<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(tshark.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        String[] cells = line.split("\t");
        if (cells.length == 4 && cells[0].equals("V") && cells[1].equals(field)) {
          names.put(Integer.decode(cells[2]), cells[3]);
        }
      }
    }
    assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(names).as("tshark's table for " + field).isNotEmpty();
    return names;
  }
}
