package dev.wirelab.labs.lab13;

import dev.wirelab.labs.lab13.SlidingWindowSender.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Measures goodput while changing one thing at a time: the window, the loss rate, the round trip.
 * Each point is one real transfer through the lossy link; the seed fixes which segments are lost.
 */
public final class GoodputSweep {
  static final int BYTES = 16 * 1024;
  static final int SEGMENT_BYTES = 512;
  static final int[] WINDOWS = {1, 2, 4, 8, 16};
  static final int[] LOSSES = {0, 5, 10, 20, 30};
  static final int[] ROUND_TRIPS = {2, 5, 10, 20};
  static final int BASE_WINDOW = 8;
  static final int BASE_LOSS = 10;
  static final int BASE_RTT = 10;

  private final long seed;
  private final byte[] data;

  public GoodputSweep(long seed) {
    this.seed = seed;
    this.data = TestData.bytes(BYTES, seed);
  }

  /** A timer a little longer than the round trip: long enough not to fire while an ACK is due. */
  public static long timeoutFor(long roundTripMillis) {
    return 2 * roundTripMillis + 10;
  }

  public List<Panel> run() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Strategy.values().length);
    try {
      return panels(pool);
    } finally {
      pool.shutdown();
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the sweep's transfers did not finish");
      }
    }
  }

  private List<Panel> panels(ExecutorService pool) throws Exception {
    return List.of(
        panel(
            pool,
            String.format(Locale.ROOT, "loss %d %%, RTT %d ms", BASE_LOSS, BASE_RTT),
            "window",
            WINDOWS,
            window -> new Point(window, BASE_LOSS, BASE_RTT)),
        panel(
            pool,
            String.format(Locale.ROOT, "window %d, RTT %d ms", BASE_WINDOW, BASE_RTT),
            "loss %",
            LOSSES,
            loss -> new Point(BASE_WINDOW, loss, BASE_RTT)),
        panel(
            pool,
            String.format(Locale.ROOT, "window %d, loss %d %%", BASE_WINDOW, BASE_LOSS),
            "RTT ms",
            ROUND_TRIPS,
            rtt -> new Point(BASE_WINDOW, BASE_LOSS, rtt)));
  }

  private record Point(int window, int loss, int roundTrip) {}

  private Panel panel(
      ExecutorService pool, String title, String xName, int[] xs, IntFunction<Point> at)
      throws Exception {
    List<String> labels = new ArrayList<>();
    List<Panel.Series> series = new ArrayList<>();
    for (int x : xs) {
      labels.add(Integer.toString(x));
    }
    // The two strategies run side by side on their own links: the time goes into waiting for
    // the link's delay and timers, not into the CPU.
    List<Future<List<Double>>> lines = new ArrayList<>();
    for (Strategy strategy : Strategy.values()) {
      lines.add(
          pool.submit(
              () -> {
                List<Double> goodput = new ArrayList<>();
                for (int x : xs) {
                  goodput.add(measure(strategy, at.apply(x)).goodputKibPerSecond());
                }
                return goodput;
              }));
    }
    for (Strategy strategy : Strategy.values()) {
      series.add(new Panel.Series(strategy.title, lines.get(strategy.ordinal()).get()));
    }
    return new Panel(title, xName, labels, series);
  }

  private Transfer measure(Strategy strategy, Point point) throws Exception {
    LinkConditions link = new LinkConditions(point.loss(), 0, 0, 0, point.roundTrip() / 2, seed);
    int receiverWindow = strategy == Strategy.GO_BACK_N ? 1 : point.window();
    SlidingWindowSender sender =
        new SlidingWindowSender(
            strategy, point.window(), timeoutFor(point.roundTrip()), line -> {});
    LinkExperiment.Outcome outcome =
        new LinkExperiment(link, receiverWindow).run(sender, data, SEGMENT_BYTES);
    if (!outcome.intact()) {
      throw new IllegalStateException(strategy.title + " delivered different bytes at " + point);
    }
    return outcome.transfer();
  }
}
