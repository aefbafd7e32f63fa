package dev.wirelab.chat.socketio.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The requests a cluster adapter sent and still waits on, by request id: the ones that wait for one
 * answer per other node (fetchSockets, serverSideEmit with ack), failing when some node is late,
 * and the broadcasts with ack, whose client counts and acks arrive until their timeout.
 * Thread-safe; answers may come on any thread.
 */
public final class ClusterRequests {
  /** Runs a task later: the adapter's timer. */
  @FunctionalInterface
  public interface Scheduler {
    ScheduledFuture<?> schedule(Runnable task, Duration delay);
  }

  private final Scheduler scheduler;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, Acks> acks = new ConcurrentHashMap<>();

  public ClusterRequests(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Waits for {@code expected} answers to {@code requestId}; completes with {@code initial} plus
   * every answer's items, or fails with a {@link TimeoutException} after {@code timeout}.
   */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<List<T>> expect(
      String requestId, int expected, List<T> initial, Duration timeout, String what) {
    Pending request = new Pending(expected, new ArrayList<>(initial));
    pending.put(requestId, request);
    ScheduledFuture<?> timer =
        scheduler.schedule(
            () -> {
              if (pending.remove(requestId, request)) {
                request.done.completeExceptionally(
                    new TimeoutException(
                        "timeout reached: only "
                            + request.answered()
                            + " of "
                            + expected
                            + " nodes answered "
                            + what
                            + " within "
                            + timeout.toMillis()
                            + " ms"));
              }
            },
            timeout);
    request.done.whenComplete((ok, failure) -> timer.cancel(false));
    return request.done.thenApply(items -> (List<T>) items);
  }

  /**
   * Asks every other node, when {@code serverCount} says there are any: {@code publish} sends the
   * request {@code requestId}; completes like {@link #expect}, at once with {@code mine} alone.
   */
  public <T> CompletableFuture<List<T>> askOthers(
      CompletableFuture<Integer> serverCount,
      String requestId,
      List<T> mine,
      Duration timeout,
      String what,
      Runnable publish) {
    return serverCount.thenCompose(
        count -> {
          if (count <= 1) {
            return CompletableFuture.completedFuture(mine);
          }
          CompletableFuture<List<T>> all = expect(requestId, count - 1, mine, timeout, what);
          publish.run();
          return all;
        });
  }

  /** Counts one node's answer to {@code requestId}; ignored when nothing waits for it. */
  public void answer(String requestId, Collection<?> items) {
    Pending request = pending.get(requestId);
    if (request != null && request.add(items) && pending.remove(requestId, request)) {
      request.done.complete(request.items());
    }
  }

  /** Lets a broadcast's client counts and acks in until {@code timeout}. */
  public void expectAcks(
      String requestId, IntConsumer clientCount, Consumer<JsonNode> ack, Duration timeout) {
    acks.put(requestId, new Acks(clientCount, ack));
    // Which nodes acks arrive from, and how many, is not known here: the entry just expires.
    scheduler.schedule(() -> acks.remove(requestId), timeout);
  }

  /** A node asked {@code count} of its clients for an ack of broadcast {@code requestId}. */
  public void clientCount(String requestId, int count) {
    Acks waiting = acks.get(requestId);
    if (waiting != null) {
      waiting.clientCount().accept(count);
    }
  }

  /** One client acked broadcast {@code requestId}. */
  public void ack(String requestId, JsonNode answer) {
    Acks waiting = acks.get(requestId);
    if (waiting != null) {
      waiting.ack().accept(answer);
    }
  }

  /** Whether this node sent {@code requestId} (its own request, echoed back by Redis). */
  public boolean isMine(String requestId) {
    return pending.containsKey(requestId) || acks.containsKey(requestId);
  }

  /** Fails every waiting request: the adapter closed. */
  public void close(String why) {
    pending
        .values()
        .forEach(request -> request.done.completeExceptionally(new IllegalStateException(why)));
    pending.clear();
    acks.clear();
  }

  /** Guarded by its own lock. */
  private static final class Pending {
    final int expected;
    final List<Object> items;
    final CompletableFuture<List<Object>> done = new CompletableFuture<>();
    int answered;

    Pending(int expected, List<Object> items) {
      this.expected = expected;
      this.items = items;
    }

    /** Adds one answer; true when it was the last one expected. */
    synchronized boolean add(Collection<?> more) {
      items.addAll(more);
      answered++;
      return answered >= expected;
    }

    synchronized int answered() {
      return answered;
    }

    synchronized List<Object> items() {
      return List.copyOf(items);
    }
  }

  private record Acks(IntConsumer clientCount, Consumer<JsonNode> ack) {}
}
