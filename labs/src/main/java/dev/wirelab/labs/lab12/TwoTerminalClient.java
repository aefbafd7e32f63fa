package dev.wirelab.labs.lab12;

import dev.wirelab.labs.lab11.JavaClients;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The client of {@code ./wirelab lab 12 client}: joins a running tick server, drops its connection
 * after some ticks, stays away for a while, comes back, and counts the gaps.
 */
final class TwoTerminalClient {
  private final String host;
  private final int port;
  private final Strategy strategy;
  private final Narrator narrator;

  TwoTerminalClient(String host, int port, Strategy strategy, Narrator narrator) {
    this.host = host;
    this.port = port;
    this.strategy = strategy;
    this.narrator = narrator;
  }

  void run(int events, int cutAfter, long pauseMillis) throws IOException, InterruptedException {
    try (JavaClients clients = new JavaClients(host, port, narrator);
        TickClient client = new TickClient(clients, strategy)) {
      client.connect();
      int start = client.serverNow();
      int cut = start + cutAfter;
      int last = start + events;
      narrator.say(
          "connected (%s); the server is at tick %d; watching ticks %d-%d",
          strategy.title, start, start + 1, last);
      client.await(client.cutAfter(cut), "tick " + cut);
      narrator.say("got tick %d, then dropped the connection; away for %d ms", cut, pauseMillis);
      // Being away for a while is the experiment itself, not a wait for something to happen.
      TimeUnit.MILLISECONDS.sleep(pauseMillis);
      client.connect();
      narrator.say("back; the server is at tick %d", client.serverNow());
      client.awaitTick(last);
      List<Integer> watched =
          client.received().stream().filter(tick -> tick > start && tick <= last).toList();
      TreeSet<Integer> distinct = new TreeSet<>(watched);
      List<Integer> missing =
          IntStream.rangeClosed(start + 1, last)
              .filter(tick -> !distinct.contains(tick))
              .boxed()
              .toList();
      narrator.say(
          "received %d of %d ticks: lost %d %s, duplicated %d",
          watched.size(), events, missing.size(), missing, watched.size() - distinct.size());
    }
  }
}
