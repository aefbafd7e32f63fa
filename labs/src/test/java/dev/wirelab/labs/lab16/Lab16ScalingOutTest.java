package dev.wirelab.labs.lab16;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.LabRun;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lab 16 with a real redis-server (installed by scripts/install-test-deps.sh). */
class Lab16ScalingOutTest {
  @Test
  void demoShowsARoomAcrossTwoNodesThroughRedisAndWhyPollingNeedsStickySessions() {
    LabRun run = LabRun.of(new Lab16ScalingOut(), "demo", "--port", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("lab 16 Scaling out: mode=demo host=127.0.0.1 port=0")
        .containsPattern("\\[redis\\] redis-server \\S+ on redis://127.0.0.1:\\d+")
        .contains("session ids start with nodA")
        .contains("session ids start with nodB")
        .containsPattern("\\[redis\\] PUBLISH socket.io#/#physics# \\(\\d+ bytes\\): msgpack")
        .contains("[bob] <- SIO EVENT / \"said\"")
        .contains("yet bob got \"hello from node A\"")
        .containsPattern("\"sid\":\"nodA[A-Za-z0-9_-]{16}\"")
        .contains("POST 40 (CONNECT) at node B -> HTTP/1.1 400 Bad Request")
        .contains("POST 40 (CONNECT) via lb -> HTTP/1.1 200 OK | ok")
        .containsPattern("GET via lb -> HTTP/1.1 200 OK \\| 40\\{\"sid\":");
    assertThat(run.out().lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
  }

  @Test
  void theRecordedRunForAMachineWithoutRedisIsARealRun() throws Exception {
    try (InputStream recorded = Lab16ScalingOut.class.getResourceAsStream("recorded-run.txt")) {
      String text = new String(recorded.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(text)
          .contains("PUBLISH socket.io#/#physics#")
          .contains("yet bob got \"hello from node A\"")
          .contains("400 Bad Request");
    }
  }

  @Test
  void serverModeSaysClearlyWhenRedisIsNotThere() {
    LabRun run =
        LabRun.of(new Lab16ScalingOut(), "server", "--port", "0", "--redis", "redis://127.0.0.1:1");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err().strip()).doesNotContain("\n\tat ").contains("start redis-server first");
  }
}
