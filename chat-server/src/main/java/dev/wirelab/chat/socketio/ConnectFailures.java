package dev.wirelab.chat.socketio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Refused CONNECTs (a middleware said no, an unknown namespace) counted per client address, so that
 * guessing a token costs time: a burst of {@link #PER_ADDRESS_BURST}, then one every {@link
 * #PER_ADDRESS_REFILL_NANOS}; past that a CONNECT from the address closes its connection. Each
 * connection may also be refused only {@link #PER_CONNECTION} times.
 */
final class ConnectFailures {
  static final int PER_CONNECTION = 5;
  static final int PER_ADDRESS_BURST = 30;
  static final long PER_ADDRESS_REFILL_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Addresses remembered; the least recently refused is forgotten first. */
  private static final int ADDRESSES = 4_096;

  /** Refusals still allowed for one address, refilled with time. */
  private static final class Budget {
    double left = PER_ADDRESS_BURST;
    long updatedAt;
  }

  private final LongSupplier ticker;
  private final Map<String, Budget> byAddress =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Budget> eldest) {
          return size() > ADDRESSES;
        }
      };

  ConnectFailures(LongSupplier ticker) {
    this.ticker = ticker;
  }

  /** Whether a CONNECT from this address may still be tried. */
  synchronized boolean allows(String address) {
    Budget budget = byAddress.get(address);
    return budget == null || refill(budget) >= 1;
  }

  /** Counts one refusal for the address. */
  synchronized void refused(String address) {
    Budget budget =
        byAddress.computeIfAbsent(
            address,
            a -> {
              Budget fresh = new Budget();
              fresh.updatedAt = ticker.getAsLong();
              return fresh;
            });
    refill(budget);
    budget.left = Math.max(0, budget.left - 1);
  }

  private double refill(Budget budget) {
    long now = ticker.getAsLong();
    budget.left =
        Math.min(
            PER_ADDRESS_BURST,
            budget.left + (double) (now - budget.updatedAt) / PER_ADDRESS_REFILL_NANOS);
    budget.updatedAt = now;
    return budget.left;
  }
}
