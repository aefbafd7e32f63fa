package dev.wirelab.chat.socketio.cluster.redis;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the stream with {@code XREAD BLOCK} on a connection of its own and hands each entry to the
 * adapter of its namespace, one entry at a time, on one thread. That thread is the order: entries
 * are delivered in stream order, and work submitted with {@link #inOrder} (a session's replay and
 * attach) runs between two entries, so nothing read is missed or delivered twice around it. After a
 * failure (Redis down) it reads again from the same id, once a second.
 */
final class StreamReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamReader.class);
  private static final Duration RETRY = Duration.ofSeconds(1);

  /** Receives the entries of one namespace, on the reader's thread. */
  @FunctionalInterface
  interface Listener {
    void onEntry(String id, Map<String, String> fields);
  }

  private final String url;
  private final String stream;
  private final int readCount;
  private final Duration block;
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final ScheduledExecutorService thread;
  private final Map<String, Listener> byNamespace = new ConcurrentHashMap<>();
  private volatile StreamId lastId;
  private volatile boolean closed;
  private boolean failing;

  private StreamReader(
      RedisConnections redis, String stream, int readCount, Duration block, StreamId lastId) {
    this.url = redis.url();
    this.stream = stream;
    this.readCount = readCount;
    this.block = block;
    this.lastId = lastId;
    this.connection = redis.dedicatedConnection();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread reader = new Thread(task, "redis-stream-reader " + stream);
              reader.setDaemon(true);
              return reader;
            });
  }

  /**
   * Starts reading after the stream's newest entry (what a node that starts now has not missed);
   * fails with an {@link IllegalStateException} when Redis does not say within 10 s.
   */
  static StreamReader start(RedisConnections redis, String stream, int readCount, Duration block) {
    String newest;
    try {
      newest = redis.lastEntryId(stream).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Redis for the stream", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot read the stream " + stream + " at " + redis.url() + ": " + e.getMessage(), e);
    }
    StreamReader reader = new StreamReader(redis, stream, readCount, block, StreamId.parse(newest));
    reader.thread.execute(reader::readNext);
    return reader;
  }

  void addListener(String namespace, Listener listener) {
    byNamespace.put(namespace, listener);
  }

  void removeListener(String namespace) {
    byNamespace.remove(namespace);
  }

  /** The id of the last entry this node read (and delivered): a socket joining now starts here. */
  StreamId lastId() {
    return lastId;
  }

  /** Runs {@code work} on the reader's thread, between two entries. */
  <T> CompletableFuture<T> inOrder(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    thread.execute(
        () -> {
          try {
            result.complete(work.call());
          } catch (Exception e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  @SuppressWarnings("unchecked") // Lettuce's xread takes the offsets as generic varargs
  private void readNext() {
    if (closed) {
      return;
    }
    connection
        .async()
        .xread(
            XReadArgs.Builder.block(block).count(readCount),
            XReadArgs.StreamOffset.from(bytes(stream), lastId.toString()))
        .toCompletableFuture()
        .whenCompleteAsync(this::onRead, thread);
  }

  private void onRead(List<StreamMessage<byte[], byte[]>> entries, Throwable failure) {
    if (closed) {
      return;
    }
    if (failure != null) {
      if (!failing) {
        failing = true;
        LOG.warn(
            "cannot read the stream {} at {} ({}); trying again every second from {}",
            stream,
            url,
            failure.getMessage(),
            lastId);
      }
      thread.schedule(this::readNext, RETRY.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    if (failing) {
      failing = false;
      LOG.info("reading the stream {} at {} again from {}", stream, url, lastId);
    }
    for (StreamMessage<byte[], byte[]> entry : entries) {
      Map<String, String> fields = StreamEntries.text(entry.getBody());
      lastId = StreamId.parse(entry.getId());
      Listener listener = byNamespace.get(fields.getOrDefault("nsp", ""));
      if (listener != null) {
        try {
          listener.onEntry(entry.getId(), fields);
        } catch (RuntimeException e) {
          LOG.error("handling stream entry {} of {} failed", entry.getId(), stream, e);
        }
      }
    }
    readNext();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed = true;
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the reader of stream {} did not stop within 5 s", stream);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Its connection closes with the RedisConnections, which knows it is closing and stays quiet.
  }
}
