package dev.wirelab.labs.lab09;

import dev.wirelab.labs.lab07.RawHttpClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gets the feed by asking: a GET every {@code pollEveryMillis} on one kept-alive connection, new or
 * not.
 */
final class PollingConsumer {
  private final String host;
  private final int port;
  private final long pollEveryMillis;
  private final Map<Integer, Long> latencies = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final CompletableFuture<Void> allReceived = new CompletableFuture<>();
  private volatile int lastSeenId;

  PollingConsumer(String host, int port, long pollEveryMillis) {
    this.host = host;
    this.port = port;
    this.pollEveryMillis = pollEveryMillis;
  }

  Delivery run(long timeoutMillis) throws IOException, InterruptedException, TimeoutException {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "lab09-poller"));
    try (RawHttpClient http = RawHttpClient.connect(host, port)) {
      timer.scheduleAtFixedRate(() -> poll(http), 0, pollEveryMillis, TimeUnit.MILLISECONDS);
      allReceived.get(timeoutMillis, TimeUnit.MILLISECONDS);
      return new Delivery(
          "HTTP polling, every " + pollEveryMillis + " ms",
          latencies,
          requests.get(),
          http.traffic().sent(),
          http.traffic().received());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      timer.shutdownNow();
      timer.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private void poll(RawHttpClient http) {
    if (allReceived.isDone()) {
      return;
    }
    try {
      requests.incrementAndGet();
      RawHttpClient.Reply reply = http.get(FeedServer.POLL_PATH + "?after=" + lastSeenId);
      long receivedAt = FeedEvent.nowMicros();
      for (FeedEvent event : FeedEvent.parseAll(reply.bodyText())) {
        latencies.put(event.id(), receivedAt - event.producedAtMicros());
        lastSeenId = event.id();
        if (event.isLast()) {
          allReceived.complete(null);
        }
      }
    } catch (IOException | RuntimeException e) {
      allReceived.completeExceptionally(e);
    }
  }
}
