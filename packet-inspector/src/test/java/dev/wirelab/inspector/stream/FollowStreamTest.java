package dev.wirelab.inspector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import dev.wirelab.testkit.RealClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --follow N} prints exactly what {@code tshark -q -z follow,tcp,ascii,N} prints, for every
 * stream of real captures.
 */
class FollowStreamTest {
  private static final String RULE =
      "===================================================================\n";

  @TempDir Path tsharkConfig;

  @ParameterizedTest(name = "{0}, streams 0-{1}")
  @CsvSource({
    "websocket.pcap,0",
    "http_google.pcapng,0",
    "http_ip4and6.pcapng,1",
    "tcp_retransmissions.pcapng,0",
    "200722_tcp_anon.pcapng,1",
    "socketio.pcap,12",
    "quickplay.pcap,9",
    "http_espn.pcapng,8"
  })
  void everyStreamMatchesTshark(String name, int lastStream) throws Exception {
    Path capture = Inspector.capture(name);
    for (int stream = 0; stream <= lastStream; stream++) {
      Inspector.Result ours = Inspector.run("--follow", String.valueOf(stream), capture.toString());

      assertThat(ours.exitCode()).as(ours.err()).isZero();
      assertThat(upToClosingRule(ours.out()))
          .as("stream %d", stream)
          .isEqualTo(tsharkFollow(capture, stream));
    }
  }

  @Test
  void dataHeldBehindAGapThatNeverFillsIsAnnounced() {
    Inspector.Result ours =
        Inspector.run("--follow", "0", Inspector.capture("quickplay.pcap").toString());

    assertThat(ours.out())
        .endsWith(
            RULE
                + "(1191 more bytes arrived after a gap that was never filled; not shown, as in Wireshark)\n");
  }

  @Test
  void aStreamThatDoesNotExistIsSaidPlainly() {
    Inspector.Result ours =
        Inspector.run("--follow", "7", Inspector.capture("websocket.pcap").toString());

    assertThat(ours.out())
        .isEqualTo(
            "TCP stream 7 is not in this capture (streams are numbered from 0 in order of appearance)\n");
  }

  private static String upToClosingRule(String out) {
    int end = out.lastIndexOf(RULE);
    return end < 0 ? out : out.substring(0, end + RULE.length());
  }

  private String tsharkFollow(Path capture, int stream) throws IOException, InterruptedException {
    ProcessBuilder builder =
        RealClock.forChild(
            new ProcessBuilder(
                    List.of(
                        "tshark",
                        "-r",
                        capture.toString(),
                        "-q",
                        "-z",
                        "follow,tcp,ascii," + stream))
                .redirectError(ProcessBuilder.Redirect.DISCARD));
    builder.environment().put("WIRESHARK_CONFIG_DIR", tsharkConfig.toString());
    Process tshark = builder.start();
    String out;
    try (InputStream in = tshark.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).as("tshark finished").isTrue();
    return out;
  }
}
