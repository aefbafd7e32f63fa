package dev.wirelab.bench.client;

import java.time.Duration;
import java.util.List;

/**
 * One benchmark run: who to load, how hard and for how long; every phase has its bound.
 *
 * @param target the server
 * @param senderTarget the server the senders connect to: {@code target} for one server, another
 *     node of the cluster to measure deliveries that cross it
 * @param room the room every client joins
 * @param clients connections to open (C)
 * @param senders how many of them emit {@code chat} (S); 0 with {@code idle}
 * @param rate messages per second per sender (R)
 * @param warmup how long senders send before the measurement starts (not counted)
 * @param duration how long senders send, or idle connections are held (D)
 * @param idle only open and hold the connections
 * @param serverPid the server process to sample in /proc, or 0 for none
 * @param otherPids more processes whose CPU per delivery is reported (another node, Redis)
 * @param threads event loops of the generator
 * @param connectTimeout the bound on opening and joining all clients
 * @param drain the bound on waiting for deliveries after the last message was sent
 * @param connectWindow connections in flight at once while connecting
 */
public record LoadSettings(
    BenchTarget target,
    BenchTarget senderTarget,
    String room,
    int clients,
    int senders,
    int rate,
    Duration warmup,
    Duration duration,
    boolean idle,
    long serverPid,
    List<Long> otherPids,
    int threads,
    Duration connectTimeout,
    Duration drain,
    int connectWindow) {

  public LoadSettings {
    otherPids = List.copyOf(otherPids);
    if (clients < 1
        || senders < 0
        || senders > clients
        || rate < 0
        || threads < 1
        || connectWindow < 1) {
      throw new IllegalArgumentException(
          "need clients >= 1, 0 <= senders <= clients, rate >= 0,"
              + " threads >= 1, connectWindow >= 1");
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("the warm-up cannot be negative, not " + warmup);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the duration must be positive, not " + duration);
    }
  }

  /** Deliveries per second if the server keeps up: every message reaches every member. */
  public long expectedPerSecond() {
    return idle ? 0 : (long) senders * rate * clients;
  }
}
