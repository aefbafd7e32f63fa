package dev.wirelab.labs.lab09;

import dev.wirelab.labs.support.Stopping;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The source both deliveries share: {@code count} events, one every {@code intervalMillis}, kept
 * for pollers to ask about and handed to push subscribers the moment each is produced.
 */
final class EventFeed implements AutoCloseable {
  private final int count;
  private final long intervalMillis;
  private final List<FeedEvent> produced = new CopyOnWriteArrayList<>();
  private final List<Consumer<FeedEvent>> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final ScheduledExecutorService clock =
      Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "lab09-feed"));

  EventFeed(int count, long intervalMillis) {
    this.count = count;
    this.intervalMillis = intervalMillis;
  }

  /** Schedules the events, the first one interval from now; later calls do nothing. */
  boolean start() {
    if (!started.compareAndSet(false, true)) {
      return false;
    }
    for (int id = 1; id <= count; id++) {
      int eventId = id;
      clock.schedule(() -> produce(eventId), id * intervalMillis, TimeUnit.MILLISECONDS);
    }
    return true;
  }

  private void produce(int id) {
    FeedEvent event = new FeedEvent(id, count, FeedEvent.nowMicros());
    produced.add(event);
    subscribers.forEach(subscriber -> subscriber.accept(event));
  }

  /** What a poller gets: every event newer than the last one it has seen. */
  List<FeedEvent> eventsAfter(int lastSeenId) {
    return produced.stream().filter(event -> event.id() > lastSeenId).toList();
  }

  void subscribe(Consumer<FeedEvent> subscriber) {
    subscribers.add(subscriber);
  }

  void unsubscribe(Consumer<FeedEvent> subscriber) {
    subscribers.remove(subscriber);
  }

  @Override
  public void close() {
    Stopping.shutdownNow(clock, 5_000);
  }
}
