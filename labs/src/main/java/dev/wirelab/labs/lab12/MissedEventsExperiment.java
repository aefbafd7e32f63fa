package dev.wirelab.labs.lab12;

import dev.wirelab.chat.socketio.Socket;
import dev.wirelab.labs.lab11.JavaClients;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One run of the story, for one strategy: the client gets ticks 1..k, its connection drops, the
 * server emits k+1..k+away, the client comes back, the server emits the rest up to N. Every step
 * waits for the event that ends the previous one, so the count is the same every run.
 */
final class MissedEventsExperiment {
  private final String host;
  private final int port;
  private final int events;
  private final int cutAfter;
  private final int away;
  private final Narrator narrator;

  MissedEventsExperiment(
      String host, int port, int events, int cutAfter, int away, Narrator narrator) {
    this.host = host;
    this.port = port;
    this.events = events;
    this.cutAfter = cutAfter;
    this.away = away;
    this.narrator = narrator;
  }

  Outcome run(Strategy strategy) throws IOException, InterruptedException {
    Narrator server = narrator.as("server");
    Narrator reader = narrator.as("client");
    try (TickServer ticks = TickServer.start(host, port, strategy, true, server);
        JavaClients clients = new JavaClients(host, ticks.port(), narrator);
        TickClient client = new TickClient(clients, strategy)) {
      client.connect();
      Socket first = ticks.awaitArrival();
      reader.say("connected as %s", first.id());

      CompletableFuture<Void> dropped = client.cutAfter(cutAfter);
      ticks.emit(1, cutAfter);
      client.await(dropped, "disconnect");
      reader.say("got ticks 1-%d, then the connection dropped", cutAfter);
      server.say("saw the client go (%s)", ticks.awaitDeparture());

      int lastAway = cutAfter + away;
      ticks.emit(cutAfter + 1, lastAway);
      server.say("emitted ticks %d-%d while the client was away", cutAfter + 1, lastAway);

      client.connect();
      Socket back = ticks.awaitArrival();
      server.say(
          "the client is back as %s: %s",
          back.id(),
          back.recovered()
              ? "recovered, the same session, missed packets replayed"
              : "a new session");
      ticks.emit(lastAway + 1, events);
      client.awaitTick(events);
      Outcome outcome =
          Outcome.of(strategy, events, cutAfter + 1, lastAway, client.received(), back.recovered());
      reader.say("received %d ticks: %s", outcome.received(), client.received());
      return outcome;
    }
  }
}
