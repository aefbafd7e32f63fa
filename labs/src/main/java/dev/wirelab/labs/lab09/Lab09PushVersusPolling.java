package dev.wirelab.labs.lab09;

import dev.wirelab.labs.lab07.HttpAndWebSocketServer;
import dev.wirelab.labs.support.BadOption;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lab 09: run {@code ./wirelab lab 09 demo} and compare latency and bytes of polling and push for
 * one feed.
 */
@Command(
    name = "09",
    description =
        "Push versus polling: one feed by HTTP polling and by WebSocket push; latency and bytes of each.",
    mixinStandardHelpOptions = true)
public final class Lab09PushVersusPolling implements Callable<Integer> {
  /** Beyond the feed's own duration, how long the consumers may take before the lab gives up. */
  private static final long SLACK_MILLIS = 10_000;

  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--events",
      paramLabel = "N",
      defaultValue = "10",
      description = "server: events in the feed, 1-1000 (default: ${DEFAULT-VALUE})")
  int events;

  @Option(
      names = "--every",
      paramLabel = "MS",
      defaultValue = "100",
      description = "server: milliseconds between events (default: ${DEFAULT-VALUE})")
  long everyMillis;

  @Option(
      names = "--poll-every",
      paramLabel = "MS",
      defaultValue = "200",
      description = "client: milliseconds between two polls (default: ${DEFAULT-VALUE})")
  long pollEveryMillis;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab09PushVersusPolling(), args);
  }

  @Override
  public Integer call() throws Exception {
    checkOptions();
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf(
        "lab 09 Push versus polling: %s events=%d every=%d ms poll-every=%d ms%n",
        endpoint, events, everyMillis, pollEveryMillis);
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"));
      case client -> report(out, deliverBothWays(endpoint.port()));
      case demo -> demo(out, narrator);
    }
    return 0;
  }

  private void checkOptions() {
    if (events < 1 || events > 1000) {
      throw BadOption.because("--events " + events + " is out of range: use 1 to 1000");
    }
    if (everyMillis < 1
        || everyMillis > 10_000
        || pollEveryMillis < 1
        || pollEveryMillis > 10_000) {
      throw BadOption.because("--every and --poll-every are milliseconds from 1 to 10000");
    }
  }

  private void serve(Narrator narrator) throws Exception {
    try (EventFeed feed = new EventFeed(events, everyMillis);
        HttpAndWebSocketServer server =
            FeedServer.start(endpoint.host(), endpoint.port(), feed, narrator)) {
      narrator.say(
          "the feed starts with the first request; try: ./wirelab lab 09 client --port %d "
              + "(restart the server for another run; Ctrl-C stops)",
          server.port());
      LanHint.say(narrator, "09", endpoint.host(), server.port());
      server.awaitStop();
    }
  }

  private void demo(PrintWriter out, Narrator narrator) throws Exception {
    Measured measured;
    HttpAndWebSocketServer server;
    try (EventFeed feed = new EventFeed(events, everyMillis)) {
      server = FeedServer.start(endpoint.host(), endpoint.port(), feed, narrator.as("server"));
      try {
        measured = deliverBothWays(server.port());
      } finally {
        server.close();
      }
    }
    report(out, measured);
    ResultTable table = new ResultTable(out);
    table.printServerCheck(measured.polling(), server.httpTraffic());
    table.printServerCheck(measured.push(), server.webSocketTraffic());
    narrator.say(
        "polling waits for the next poll (about half the interval on average) and pays for HTTP "
            + "headers on every request, empty or not; push sends each event at once, in a few bytes of frame.");
  }

  /** What the two consumers measured, side by side. */
  private record Measured(Delivery polling, Delivery push) {}

  /** Runs a polling consumer and a push consumer at the same time, on the same feed. */
  private Measured deliverBothWays(int serverPort) throws Exception {
    long timeoutMillis = events * everyMillis + 2 * pollEveryMillis + SLACK_MILLIS;
    ExecutorService consumers =
        Executors.newFixedThreadPool(2, task -> new Thread(task, "lab09-consumer"));
    try {
      CompletableFuture<Void> listening = new CompletableFuture<>();
      Future<Delivery> push =
          consumers.submit(
              () -> {
                try {
                  return new PushConsumer(endpoint.host(), serverPort)
                      .run(() -> listening.complete(null));
                } finally {
                  // A push that failed frees the poller too; push.get() below reports why.
                  listening.complete(null);
                }
              });
      // The first request starts the feed: were it the poller's, event 1 could be produced
      // before the push consumer's WebSocket is open, and push would never see it.
      listening.get(timeoutMillis, TimeUnit.MILLISECONDS);
      Future<Delivery> polling =
          consumers.submit(
              () ->
                  new PollingConsumer(endpoint.host(), serverPort, pollEveryMillis)
                      .run(timeoutMillis));
      return new Measured(
          polling.get(timeoutMillis, TimeUnit.MILLISECONDS),
          push.get(timeoutMillis, TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      throw new IOException("the feed did not arrive within " + timeoutMillis + " ms", e);
    } finally {
      consumers.shutdownNow();
      consumers.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void report(PrintWriter out, Measured measured) {
    ResultTable table = new ResultTable(out);
    table.printLatencies(measured.polling(), measured.push());
    table.printBytes(measured.polling(), measured.push());
  }
}
