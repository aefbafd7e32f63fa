package dev.wirelab.labs.lab13;

import java.util.List;

/**
 * One chart of the goodput sweep: goodput against one variable, with a line per strategy. The x
 * values are categories (1, 2, 4, 8 ...), drawn evenly spaced.
 */
public record Panel(String title, String xName, List<String> xLabels, List<Series> series) {
  /** One line of a panel: a strategy's goodput at each x. */
  public record Series(String name, List<Double> kibPerSecond) {}

  public double maxGoodput() {
    return series.stream()
        .flatMap(line -> line.kibPerSecond().stream())
        .mapToDouble(Double::doubleValue)
        .max()
        .orElse(0);
  }
}
