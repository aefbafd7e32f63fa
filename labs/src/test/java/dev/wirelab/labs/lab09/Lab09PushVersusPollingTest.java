package dev.wirelab.labs.lab09;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.lab07.HttpAndWebSocketServer;
import dev.wirelab.labs.lab07.RawHttpClient;
import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class Lab09PushVersusPollingTest {
  /**
   * Large enough that "push beats polling" is a claim about the mechanism, not about timing noise.
   */
  private static final long POLL_EVERY_MILLIS = 200;

  private static final int EVENTS = 8;

  private final StringWriter serverLog = new StringWriter();
  private final Narrator narrator = new Narrator(new PrintWriter(serverLog), "server");

  @Test
  void pushHasLowerLatencyAndFewerBytesPerEventThanPolling() throws Exception {
    Delivery polling;
    Delivery push;
    HttpAndWebSocketServer server;
    ExecutorService pushThread =
        Executors.newSingleThreadExecutor(task -> new Thread(task, "test-push"));
    try (EventFeed feed = new EventFeed(EVENTS, 100)) {
      server = FeedServer.start("127.0.0.1", 0, feed, narrator);
      try {
        CountDownLatch listening = new CountDownLatch(1);
        Future<Delivery> pushed =
            pushThread.submit(
                () -> new PushConsumer("127.0.0.1", server.port()).run(listening::countDown));
        // The poll starts the feed: only once push listens can both see every event.
        assertThat(listening.await(10, TimeUnit.SECONDS)).as("push is listening").isTrue();
        polling = new PollingConsumer("127.0.0.1", server.port(), POLL_EVERY_MILLIS).run(10_000);
        push = pushed.get(10, TimeUnit.SECONDS);
      } finally {
        server.close();
        pushThread.shutdown();
        pushThread.awaitTermination(5, TimeUnit.SECONDS);
      }
    }

    assertThat(polling.latencyMicrosById()).hasSize(EVENTS);
    assertThat(push.latencyMicrosById()).hasSize(EVENTS);
    assertThat(push.meanLatencyMillis()).isLessThan(polling.meanLatencyMillis());
    assertThat(polling.bytesPerEvent()).isGreaterThan(push.bytesPerEvent());
    assertThat(polling.requests()).isGreaterThan(1);
    assertThat(push.requests()).isEqualTo(1);
    // Both ends counted the same bytes at their sockets.
    assertThat(server.httpTraffic().received()).isEqualTo(polling.bytesSent());
    assertThat(server.httpTraffic().sent()).isEqualTo(polling.bytesReceived());
    assertThat(server.webSocketTraffic().received()).isEqualTo(push.bytesSent());
    assertThat(server.webSocketTraffic().sent()).isEqualTo(push.bytesReceived());
  }

  @Test
  void demoPrintsBothDeliveriesAndTheServerAgreesOnTheBytes() {
    LabRun run = LabRun.of(new Lab09PushVersusPolling(), "demo", "--port", "0", "--events", "6");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "lab 09 Push versus polling: mode=demo host=127.0.0.1 port=0 events=6 every=100 ms poll-every=200 ms")
        .contains("-> 101 Switching Protocols")
        .contains("GET /events?after=0 HTTP/1.1")
        .containsPattern("(?m)^6 +[\\d.]+ ms +[\\d.]+ ms$")
        .contains("server side, HTTP polling, every 200 ms: received")
        .doesNotContain("DIFFERENT");
    assertThat(run.prose().split("-> the same bytes the client counted", -1)).hasSize(3);
    Matcher mean = Pattern.compile("(?m)^mean +([\\d.]+) ms +([\\d.]+) ms$").matcher(run.out());
    assertThat(mean.find()).as(run.out()).isTrue();
    assertThat(Double.parseDouble(mean.group(2))).isLessThan(Double.parseDouble(mean.group(1)));
  }

  @Test
  void clientModeMeasuresARunningServer() throws Exception {
    try (EventFeed feed = new EventFeed(4, 50);
        HttpAndWebSocketServer server = FeedServer.start("127.0.0.1", 0, feed, narrator)) {
      LabRun run =
          LabRun.of(
              new Lab09PushVersusPolling(),
              "client",
              "--port",
              String.valueOf(server.port()),
              "--poll-every",
              "100");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .containsPattern("(?m)^4 +[\\d.]+ ms +[\\d.]+ ms$")
          .containsPattern("HTTP polling, every 100 ms +\\d+ +\\d+ +\\d+")
          .containsPattern("WebSocket push +1 +\\d+ +\\d+");
    }
  }

  @Test
  void pollingBeforeTheFirstEventGetsAnEmptyListAndStartsTheFeed() throws Exception {
    try (EventFeed feed = new EventFeed(1, 5_000);
        HttpAndWebSocketServer server = FeedServer.start("127.0.0.1", 0, feed, narrator);
        RawHttpClient http = RawHttpClient.connect("127.0.0.1", server.port())) {
      assertThat(http.get("/events?after=0").bodyText()).isEqualTo("[]");
      assertThat(feed.start()).as("already started by the poll").isFalse();
      assertThat(http.get("/events?after=x").head().startLine())
          .isEqualTo("HTTP/1.1 404 Not Found");
    }
  }

  @Test
  void eventsTravelAsJsonAndParseBack() throws Exception {
    FeedEvent first = new FeedEvent(1, 2, 1_700_000_000_000_001L);
    FeedEvent last = new FeedEvent(2, 2, 1_700_000_000_100_002L);
    String json = FeedEvent.toJsonArray(List.of(first, last));
    assertThat(json)
        .isEqualTo(
            "[{\"id\":1,\"of\":2,\"producedAtMicros\":1700000000000001},"
                + "{\"id\":2,\"of\":2,\"producedAtMicros\":1700000000100002}]");
    assertThat(FeedEvent.parseAll(json)).containsExactly(first, last);
    assertThat(last.isLast()).isTrue();
  }

  @Test
  void outOfRangeOptionsAreOneLine() {
    assertThat(
            LabRun.of(new Lab09PushVersusPolling(), "demo", "--events", "0").assertOneLineError())
        .isEqualTo("error: --events 0 is out of range: use 1 to 1000");
    assertThat(
            LabRun.of(new Lab09PushVersusPolling(), "client", "--poll-every", "-5")
                .assertOneLineError())
        .contains("--poll-every");
  }
}
