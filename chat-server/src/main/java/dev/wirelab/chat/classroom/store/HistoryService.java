package dev.wirelab.chat.classroom.store;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message store behind one dedicated thread: callers on Netty's event loop get a future and go
 * on serving the network while the disk works; the future completes only after the commit.
 */
public final class HistoryService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HistoryService.class);

  /** How many reads and writes may wait for the disk; past that a request fails at once. */
  public static final int QUEUE_CAPACITY = 1_000;

  private final MessageStore store;
  private final ExecutorService disk;

  public HistoryService(MessageStore store) {
    this(store, QUEUE_CAPACITY);
  }

  /** A history whose queue holds at most {@code queueCapacity} waiting requests. */
  public HistoryService(MessageStore store, int queueCapacity) {
    this.store = store;
    // Bounded, so that a flood of requests costs a refusal, not the heap.
    this.disk =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            task -> new Thread(task, "chat-history"));
  }

  public MessageStore store() {
    return store;
  }

  /**
   * Completes with the stored message once it is durable, or exceptionally with a {@link
   * StoreException}.
   */
  public CompletableFuture<MessageStore.Appended> append(
      String room, String clientId, String sender, String text) {
    return run(() -> store.append(room, clientId, sender, text, System.currentTimeMillis()));
  }

  /** A private message, stored with the room history; see {@link MessageStore#appendPrivate}. */
  public CompletableFuture<MessageStore.Appended> appendPrivate(
      String conversation,
      MessageStore.Party from,
      MessageStore.Party to,
      String clientId,
      String text) {
    return run(
        () ->
            store.appendPrivate(
                conversation, from, to, clientId, text, System.currentTimeMillis()));
  }

  public CompletableFuture<List<MessageStore.Party>> parties(String conversation) {
    return run(() -> store.parties(conversation));
  }

  public CompletableFuture<List<MessageStore.Conversation>> conversationsOf(String skeleton) {
    return run(() -> store.conversationsOf(skeleton));
  }

  public CompletableFuture<List<ChatMessage>> after(String room, long afterOffset, int limit) {
    return run(() -> store.after(room, afterOffset, limit));
  }

  public CompletableFuture<List<ChatMessage>> recent(String room, int limit) {
    return run(() -> store.recent(room, limit));
  }

  /** What came before a page's oldest message: "Load earlier messages". */
  public CompletableFuture<List<ChatMessage>> before(String room, long beforeOffset, int limit) {
    return run(() -> store.before(room, beforeOffset, limit));
  }

  /** The highest offset the room ever had; lower than a page's means the history was replaced. */
  public CompletableFuture<Long> lastOffset(String room) {
    return run(() -> store.lastOffset(room));
  }

  public CompletableFuture<Integer> clear(String room) {
    return run(() -> store.clear(room));
  }

  private <T> CompletableFuture<T> run(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work, disk);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(
          new StoreException("the history is busy: too many requests are waiting", e));
    }
  }

  /**
   * Finishes the writes already queued (their senders are waiting for acks), then closes the file.
   */
  @Override
  public void close() {
    disk.shutdown();
    try {
      if (!disk.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn(
            "history writes still queued after 10 s; their senders were not acknowledged and will retry");
        disk.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted while finishing history writes; unacknowledged senders will retry");
      disk.shutdownNow();
    }
    store.close();
  }
}
