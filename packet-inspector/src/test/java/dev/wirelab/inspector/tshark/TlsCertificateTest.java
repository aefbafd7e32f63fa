package dev.wirelab.inspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.inspector.Inspector;
import dev.wirelab.testkit.RealClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server certificate's common names and validity agree with tshark's X.509 dissector, on the
 * frames where tshark (reassembly on) shows a Certificate message.
 */
class TlsCertificateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tsharkConfig;

  @ParameterizedTest
  @ValueSource(strings = {"tls_loopback.pcap", "tls_refusals.pcap"})
  void namesAndDatesAreTsharks(String name) throws Exception {
    Path capture = Inspector.capture(name);
    String[] ours = Inspector.run("--json", capture.toString()).out().split("\n");
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (String[] row : tshark(capture)) {
      int frame = Integer.parseInt(row[0]);
      // One certificate with one attribute per name: tshark lists issuer then subject.
      String[] names = row[1].split(",");
      String[] times = row[2].replace(" (UTC)", "").split(",");
      expected.add(frame + " " + names[1] + " " + names[0] + " " + times[0] + " " + times[1]);
      JsonNode mine = JSON.readTree(ours[frame - 1]);
      actual.add(
          frame
              + " "
              + mine.path("tls.handshake.certificate.subject_cn").asText()
              + " "
              + mine.path("tls.handshake.certificate.issuer_cn").asText()
              + " "
              + mine.path("tls.handshake.certificate.not_before").asText()
              + " "
              + mine.path("tls.handshake.certificate.not_after").asText());
    }
    assertThat(expected).as("tshark shows a certificate in " + name).isNotEmpty();
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  private List<String[]> tshark(Path capture) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                "tshark",
                "-r",
                capture.toString(),
                "-n",
                "-o",
                "tcp.check_checksum:FALSE",
                "-Y",
                "tls.handshake.type == 11",
                "-T",
                "fields",
                "-e",
                "frame.number",
                "-e",
                "x509sat.uTF8String",
                "-e",
                "x509af.utcTime")
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("WIRESHARK_CONFIG_DIR", tsharkConfig.toString());
    Process tshark = RealClock.forChild(builder).start();
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(tshark.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        rows.add(line.split("\t", -1));
      }
    }
    assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return rows;
  }
}
