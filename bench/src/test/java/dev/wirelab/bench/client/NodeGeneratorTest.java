package dev.wirelab.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.bench.server.WirelabBenchServer;
import dev.wirelab.chat.http.IoTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The second generator, {@code bench/node-generator} on the official socket.io-client, against our
 * bench server on loopback: it must count what the Java generator counts, or its table means
 * nothing.
 */
class NodeGeneratorTest {
  private static final Path GENERATOR = Path.of("node-generator", "generate.mjs");
  private static final long TIMEOUT_SECONDS = 120;

  @Test
  void countsEveryDeliveryAndSamplesTheServer() throws Exception {
    try (WirelabBenchServer server = WirelabBenchServer.start(0, IoTransport.preferred())) {
      JsonNode r =
          generate(
              "--url",
              "ws://127.0.0.1:" + server.port(),
              "--clients",
              "20",
              "--senders",
              "2",
              "--rate",
              "10",
              "--duration",
              "2",
              "--warmup",
              "1",
              "--pid",
              String.valueOf(ProcessHandle.current().pid()),
              "--json");

      assertThat(r.path("firstError").isNull()).as(r.toString()).isTrue();
      assertThat(r.path("connected").asInt()).isEqualTo(20);
      // Two senders, 10 msg/s, 2 s measured after the warm-up: 40 messages to 20 members each.
      assertThat(r.path("sent").asLong()).isEqualTo(40);
      assertThat(r.path("expected").asLong()).isEqualTo(800);
      assertThat(r.path("received").asLong()).isEqualTo(800);
      assertThat(r.path("lost").asLong()).isZero();
      assertThat(r.at("/latency/count").asLong()).isEqualTo(800);
      assertThat(r.at("/latency/maxMillis").asDouble())
          .isGreaterThanOrEqualTo(r.at("/latency/p99Millis").asDouble());
      assertThat(r.path("serverCpuMicrosPerDelivery").isNumber()).isTrue();
      assertThat(r.path("serverRssEndKb").asLong()).isPositive();
    }
  }

  @Test
  void aRemoteHostIsRefusedWithOneLine() throws Exception {
    Process process = start("--url", "ws://192.0.2.1:3000", "--clients", "1").start();
    assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(error.strip())
        .isEqualTo(
            "generate: 192.0.2.1 is not loopback; pass --allow-remote to load another machine");
  }

  private static JsonNode generate(String... args) throws Exception {
    Path out = Files.createTempFile("node-generator", ".json");
    try {
      // To a file, so that a generator that hangs cannot block the test on a full pipe.
      Process process = start(args).redirectOutput(out.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the Node generator did not finish in " + TIMEOUT_SECONDS + " s");
      }
      String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(error).isZero();
      return new ObjectMapper().readTree(out.toFile());
    } finally {
      Files.delete(out);
    }
  }

  private static ProcessBuilder start(String... args) {
    if (!Files.isDirectory(GENERATOR.resolveSibling("node_modules"))) {
      throw new IllegalStateException(
          "socket.io-client is not installed in bench/node-generator; run scripts/install-test-deps.sh");
    }
    List<String> command = new ArrayList<>(List.of("node", GENERATOR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
