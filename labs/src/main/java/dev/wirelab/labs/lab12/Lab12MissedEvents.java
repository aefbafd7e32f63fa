package dev.wirelab.labs.lab12;

import dev.wirelab.labs.support.BadOption;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lab 12: run {@code ./wirelab lab 12 demo} and count the events a client misses while away, with
 * and without queueing.
 */
@Command(
    name = "12",
    description =
        "Missed events: no queueing, connection state recovery, durable offsets with retries and dedupe.",
    mixinStandardHelpOptions = true)
public final class Lab12MissedEvents implements Callable<Integer> {
  private static final int MAX_EVENTS = 1000;
  private static final int NOTES = 5;
  private static final int LOST_ACK_AT = 3;

  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--events",
      paramLabel = "N",
      defaultValue = "20",
      description = "ticks the server emits, 3-" + MAX_EVENTS + " (default: ${DEFAULT-VALUE})")
  int events;

  @Option(
      names = "--cut-after",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "the client's connection drops right after this tick (default: ${DEFAULT-VALUE})")
  int cutAfter;

  @Option(
      names = "--away",
      paramLabel = "N",
      defaultValue = "5",
      description = "ticks emitted while the client is away (default: ${DEFAULT-VALUE})")
  int away;

  @Option(
      names = "--strategy",
      paramLabel = "STRATEGY",
      defaultValue = "recovery",
      converter = Strategy.Converter.class,
      description =
          "server and client: none, recovery or durable; the same on both sides (default: ${DEFAULT-VALUE})")
  Strategy strategy;

  @Option(
      names = "--every",
      paramLabel = "MS",
      defaultValue = "200",
      description = "server: milliseconds between two ticks, 10-10000 (default: ${DEFAULT-VALUE})")
  long everyMillis;

  @Option(
      names = "--pause",
      paramLabel = "MS",
      defaultValue = "2000",
      description =
          "client: milliseconds to stay away after dropping the connection (default: ${DEFAULT-VALUE})")
  long pauseMillis;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab12MissedEvents(), args);
  }

  @Override
  public Integer call() throws Exception {
    checkOptions();
    PrintWriter out = ProjectorWriter.out(spec);
    out.println(settings());
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"));
      case client ->
          new TwoTerminalClient(endpoint.host(), endpoint.port(), strategy, narrator.as("client"))
              .run(events, cutAfter, pauseMillis);
      case demo -> demo(out, narrator);
    }
    return 0;
  }

  /** The settings that matter in this mode; the demo runs every strategy at its own pace. */
  private String settings() {
    String shared =
        String.format(
            "lab 12 Missed events and message queueing: %s events=%d cut-after=%d away=%d",
            endpoint, events, cutAfter, away);
    String strategyName = strategy.name().toLowerCase(Locale.ROOT);
    return switch (endpoint.mode()) {
      case server -> shared + " strategy=" + strategyName + " every=" + everyMillis;
      case client -> shared + " strategy=" + strategyName + " pause=" + pauseMillis;
      case demo -> shared;
    };
  }

  private void demo(PrintWriter out, Narrator narrator) throws IOException, InterruptedException {
    MissedEventsExperiment downlink =
        new MissedEventsExperiment(
            endpoint.host(), endpoint.port(), events, cutAfter, away, narrator);
    List<Outcome> outcomes = new ArrayList<>();
    for (Strategy strategy : Strategy.values()) {
      narrator.heading(strategy.title);
      outcomes.add(downlink.run(strategy));
    }
    UplinkExperiment uplink =
        new UplinkExperiment(endpoint.host(), endpoint.port(), NOTES, LOST_ACK_AT, narrator);
    List<UplinkExperiment.Result> results = new ArrayList<>();
    for (boolean dedupe : new boolean[] {true, false}) {
      narrator.heading(
          "client -> server: "
              + NOTES
              + " notes; the ack of note-"
              + LOST_ACK_AT
              + " is lost with the connection; "
              + (dedupe ? "the server dedupes by id" : "no dedupe"));
      results.add(uplink.run(dedupe));
    }
    OutcomeTable table = new OutcomeTable(out);
    table.printDownlink(outcomes);
    table.printUplink(results);
  }

  private void serve(Narrator narrator) throws IOException, InterruptedException {
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "lab12-ticks"));
    try (TickServer server =
        TickServer.start(endpoint.host(), endpoint.port(), strategy, true, narrator)) {
      AtomicInteger tick = new AtomicInteger();
      clock.scheduleAtFixedRate(
          () -> {
            server.drainDepartures().forEach(reason -> narrator.say("a client left (%s)", reason));
            server
                .drainArrivals()
                .forEach(
                    socket ->
                        narrator.say(
                            "%s connected%s",
                            socket.id(),
                            socket.recovered() ? ": recovered, missed ticks replayed" : ""));
            int next = tick.incrementAndGet();
            server.emit(next, next);
          },
          everyMillis,
          everyMillis,
          TimeUnit.MILLISECONDS);
      narrator.say(
          "%s: a tick every %d ms on port %d; try: ./wirelab lab 12 client --strategy %s --port %d (Ctrl-C stops)",
          strategy.title,
          everyMillis,
          server.port(),
          strategy.name().toLowerCase(Locale.ROOT),
          server.port());
      LanHint.say(narrator, "12", endpoint.host(), server.port());
      // Server mode has no end of its own: it serves until the user presses Ctrl-C.
      new CountDownLatch(1).await();
    } finally {
      clock.shutdownNow();
    }
  }

  private void checkOptions() {
    if (events < 3 || events > MAX_EVENTS) {
      throw BadOption.because("--events " + events + " is out of range: use 3 to " + MAX_EVENTS);
    }
    if (everyMillis < 10 || everyMillis > 10_000 || pauseMillis < 0 || pauseMillis > 60_000) {
      throw BadOption.because("--every is 10 to 10000 ms and --pause 0 to 60000 ms");
    }
    if (cutAfter < 1 || away < 1 || cutAfter + away >= events) {
      throw BadOption.because(
          "--cut-after "
              + cutAfter
              + " and --away "
              + away
              + " must be at least 1 and leave ticks after the client is back (their sum below --events "
              + events
              + ")");
    }
  }
}
