package dev.wirelab.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.capture.CapturedFrame;
import dev.wirelab.inspector.capture.LiveCapture;
import dev.wirelab.inspector.decode.FrameDecoder;
import dev.wirelab.inspector.model.DecodedFrame;
import dev.wirelab.testkit.RealClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official socket.io 4.8 server and client (Node, from src/test/node/socketio-capture) talk on
 * loopback while real libpcap captures; every Engine.IO / Socket.IO step shows up decoded.
 */
class SocketIoLiveTest {
  private static final Path PEERS = Path.of("src/test/node/socketio-capture");
  private static final long WAIT_MILLIS = 20_000;
  private static final String LAST_EVENT = "SIO EVENT /chat \"big-size\" [300]";

  @Test
  void aLiveSocketIoSessionIsDecodedStepByStep() throws Exception {
    assertThat(PEERS.resolve("node_modules/socket.io"))
        .as("npm ci in " + PEERS + " (scripts/install-test-deps.sh)")
        .exists();
    Process server =
        RealClock.forChild(
                new ProcessBuilder("node", "server.js", "0")
                    .directory(PEERS.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD))
            .start();
    try {
      int port = listeningPort(server);
      List<String> meanings = new ArrayList<>();
      try (LiveCapture capture = LiveCapture.open("lo", "tcp port " + port, 262_144, WAIT_MILLIS)) {
        Process client =
            RealClock.forChild(
                    new ProcessBuilder("node", "client.js", String.valueOf(port))
                        .directory(PEERS.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD))
                .start();
        FrameDecoder decoder = new FrameDecoder(List.of(new AppPayloadDecoder()));
        long number = 0;
        for (CapturedFrame raw = capture.next();
            raw != null && !meanings.contains(LAST_EVENT);
            raw = capture.next()) {
          DecodedFrame frame =
              decoder.decode(
                  ++number, raw.seconds(), raw.nanos(), raw.len(), raw.linkType(), raw.data());
          assertThat(frame.malformed()).as(frame.summary()).isEmpty();
          String summary = frame.summary();
          for (String part : summary.substring(summary.indexOf(", length ") + 2).split("; ")) {
            meanings.add(part.replaceFirst("^length \\d+ ", ""));
          }
        }
        assertThat(client.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS))
            .as("client finished")
            .isTrue();
        assertThat(client.exitValue()).isZero();
      }
      assertThat(meanings)
          .containsSubsequence(
              "EIO ping \"probe\"",
              "EIO pong \"probe\"",
              "EIO upgrade",
              "SIO EVENT /chat \"message\" id=0 [\"hi from upgrader\"]",
              "SIO ACK /chat id=0 [{\"ok\":true,\"length\":16}]",
              "SIO BINARY_EVENT /chat \"upload\" id=1 [\"photo.bin\",\"<binary 5 bytes>\"]",
              "SIO EVENT /chat \"big-size\" [70000]",
              "SIO EVENT /chat \"message\" id=0 [\"hi from poller\"]",
              "SIO BINARY_EVENT /chat \"upload\" id=1 [\"photo.bin\",\"<binary 5 bytes>\"]",
              LAST_EVENT);
    } finally {
      server.destroy();
      assertThat(server.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)).as("server stopped").isTrue();
    }
  }

  /**
   * Reads the server's "listening PORT" line, polling with a bounded wait instead of a blocking
   * read.
   */
  private static int listeningPort(Process server) throws IOException, InterruptedException {
    InputStream out = server.getInputStream();
    StringBuilder line = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (line.indexOf("\n") < 0 && System.nanoTime() < deadline) {
      if (out.available() > 0) {
        line.append(new String(out.readNBytes(out.available()), StandardCharsets.US_ASCII));
      } else if (server.waitFor(20, TimeUnit.MILLISECONDS)) {
        break;
      }
    }
    assertThat(line.toString())
        .as("server announced its port")
        .startsWith("listening ")
        .contains("\n");
    return Integer.parseInt(line.substring("listening ".length(), line.indexOf("\n")).trim());
  }
}
