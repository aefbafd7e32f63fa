package dev.wirelab.labs.lab12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ./wirelab lab 12 client} against a ticking server: with a mitigation, however long it was
 * away, nothing is lost.
 */
class Lab12ClientModeTest {
  @ParameterizedTest
  @EnumSource(
      value = Strategy.class,
      names = {"RECOVERY", "DURABLE"})
  void aClientThatWasAwayMissesNothing(Strategy strategy) throws Exception {
    StringWriter serverLog = new StringWriter();
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "test-ticks"));
    try (TickServer server =
        TickServer.start(
            "127.0.0.1", 0, strategy, true, new Narrator(new PrintWriter(serverLog), "server"))) {
      AtomicInteger tick = new AtomicInteger();
      clock.scheduleAtFixedRate(
          () -> {
            int next = tick.incrementAndGet();
            server.emit(next, next);
          },
          20,
          20,
          TimeUnit.MILLISECONDS);

      LabRun run =
          LabRun.of(
              new Lab12MissedEvents(),
              "client",
              "--port",
              String.valueOf(server.port()),
              "--strategy",
              strategy.name().toLowerCase(Locale.ROOT),
              "--events",
              "40",
              "--cut-after",
              "3",
              "--pause",
              "200");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.prose())
          .startsWith(
              "lab 12 Missed events and message queueing: mode=client host=127.0.0.1 port="
                  + server.port()
                  + " events=40 cut-after=3 away=5 strategy="
                  + strategy.name().toLowerCase(Locale.ROOT)
                  + " pause=200 ")
          .containsPattern("got tick \\d+, then dropped the connection; away for 200 ms")
          .contains("received 40 of 40 ticks: lost 0 [], duplicated 0");
    } finally {
      clock.shutdownNow();
      assertThat(clock.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
