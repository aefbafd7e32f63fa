package dev.wirelab.chat.socketio.cluster.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis connections one node's adapters share, like the Node adapter's {@code pubClient} and
 * {@code subClient}: one to publish and query, one subscribed, and for the streams adapter one that
 * blocks in XREAD. Lettuce reconnects them all and subscribes again by itself; while Redis is
 * unreachable at most {@code maxQueuedCommands} commands wait, newer ones fail at once, and one log
 * line says so.
 */
public final class RedisConnections implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisConnections.class);

  /** Receives every message on the channels and patterns some adapter subscribed. */
  @FunctionalInterface
  public interface Receiver {
    void onMessage(String channel, byte[] message);
  }

  private final String url;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> commands;
  private final StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
  private final List<Receiver> receivers = new CopyOnWriteArrayList<>();
  private final List<StatefulRedisConnection<byte[], byte[]>> dedicated =
      new CopyOnWriteArrayList<>();
  private final AtomicBoolean unreachable = new AtomicBoolean();
  private volatile boolean closing;

  private RedisConnections(
      String url,
      ClientResources resources,
      RedisClient client,
      StatefulRedisConnection<byte[], byte[]> commands,
      StatefulRedisPubSubConnection<byte[], byte[]> subscriber) {
    this.url = url;
    this.resources = resources;
    this.client = client;
    this.commands = commands;
    this.subscriber = subscriber;
  }

  /**
   * Connects to {@code url} ({@code redis://host:port}); fails with an {@link
   * IllegalStateException} saying so when Redis cannot be reached now.
   */
  public static RedisConnections connect(String url, int maxQueuedCommands) {
    ClientResources resources = smallResources();
    RedisClient client = RedisClient.create(resources, RedisURI.create(url));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .requestQueueSize(maxQueuedCommands)
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(10)))
            .build());
    try {
      StatefulRedisConnection<byte[], byte[]> commands = client.connect(ByteArrayCodec.INSTANCE);
      StatefulRedisPubSubConnection<byte[], byte[]> subscriber =
          client.connectPubSub(ByteArrayCodec.INSTANCE);
      RedisConnections connections =
          new RedisConnections(url, resources, client, commands, subscriber);
      connections.listen();
      return connections;
    } catch (RedisConnectionException e) {
      shutDown(client, resources);
      throw new IllegalStateException(
          "cannot reach Redis at "
              + url
              + ": "
              + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()),
          e);
    }
  }

  private void listen() {
    subscriber.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(byte[] channel, byte[] message) {
            dispatch(channel, message);
          }

          @Override
          public void message(byte[] pattern, byte[] channel, byte[] message) {
            dispatch(channel, message);
          }
        });
    client.addListener(
        new RedisConnectionStateListener() {
          @Override
          public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (!closing && unreachable.compareAndSet(false, true)) {
              LOG.warn(
                  "lost Redis at {}: reconnecting; up to {} commands wait meanwhile, broadcasts"
                      + " reach this node's clients only",
                  url,
                  client.getOptions().getRequestQueueSize());
            }
          }

          @Override
          public void onRedisConnected(
              RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (unreachable.compareAndSet(true, false)) {
              LOG.info("Redis at {} is back", url);
            }
          }
        });
  }

  private void dispatch(byte[] channel, byte[] message) {
    String name = new String(channel, StandardCharsets.UTF_8);
    for (Receiver receiver : receivers) {
      try {
        receiver.onMessage(name, message);
      } catch (RuntimeException e) {
        LOG.error("handling a Redis message on {} failed", name, e);
      }
    }
  }

  void addReceiver(Receiver receiver) {
    receivers.add(receiver);
  }

  void removeReceiver(Receiver receiver) {
    receivers.remove(receiver);
  }

  /** Where these connections go. */
  public String url() {
    return url;
  }

  CompletableFuture<Long> publish(String channel, byte[] message) {
    return commands.async().publish(bytes(channel), message).toCompletableFuture();
  }

  CompletableFuture<Void> subscribe(String... channels) {
    byte[][] names = new byte[channels.length][];
    for (int i = 0; i < channels.length; i++) {
      names[i] = bytes(channels[i]);
    }
    return subscriber.async().subscribe(names).toCompletableFuture();
  }

  CompletableFuture<Void> psubscribe(String pattern) {
    return subscriber.async().psubscribe(bytes(pattern)).toCompletableFuture();
  }

  CompletableFuture<Void> unsubscribe(String... channels) {
    byte[][] names = new byte[channels.length][];
    for (int i = 0; i < channels.length; i++) {
      names[i] = bytes(channels[i]);
    }
    return subscriber.async().unsubscribe(names).toCompletableFuture();
  }

  CompletableFuture<Void> punsubscribe(String pattern) {
    return subscriber.async().punsubscribe(bytes(pattern)).toCompletableFuture();
  }

  /**
   * Adds {@code receiver} and waits (up to 10 s) until Redis confirmed {@code subscribed}; fails
   * with an {@link IllegalStateException} naming {@code what} (and removes the receiver) if not.
   */
  void receiveOnceSubscribed(Receiver receiver, CompletableFuture<?> subscribed, String what) {
    addReceiver(receiver);
    try {
      subscribed.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      removeReceiver(receiver);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while subscribing to Redis", e);
    } catch (Exception e) {
      removeReceiver(receiver);
      throw new IllegalStateException(
          "cannot subscribe to " + what + " at " + url + ": " + e.getMessage(), e);
    }
  }

  /** How many connections subscribe to {@code channel} (PUBSUB NUMSUB). */
  CompletableFuture<Integer> numsub(String channel) {
    return commands
        .async()
        .pubsubNumsub(bytes(channel))
        .toCompletableFuture()
        .thenApply(counts -> counts.values().stream().mapToInt(Long::intValue).sum());
  }

  /** XADD {@code stream} MAXLEN ~ {@code maxLen} * fields...; completes with the entry id. */
  CompletableFuture<String> xadd(String stream, Map<String, String> fields, long maxLen) {
    Map<byte[], byte[]> body = new LinkedHashMap<>();
    fields.forEach((key, value) -> body.put(bytes(key), bytes(value)));
    return commands
        .async()
        .xadd(bytes(stream), XAddArgs.Builder.maxlen(maxLen).approximateTrimming(), body)
        .toCompletableFuture();
  }

  /** XRANGE {@code stream} {@code from} {@code to}, both inclusive. */
  CompletableFuture<List<StreamMessage<byte[], byte[]>>> xrange(
      String stream, String from, String to) {
    return commands.async().xrange(bytes(stream), Range.create(from, to)).toCompletableFuture();
  }

  /** The id of the newest entry of {@code stream}, {@code 0-0} when it has none. */
  CompletableFuture<String> lastEntryId(String stream) {
    return commands
        .async()
        .xrevrange(bytes(stream), Range.create("-", "+"), Limit.from(1))
        .toCompletableFuture()
        .thenApply(newest -> newest.isEmpty() ? "0-0" : newest.get(0).getId());
  }

  /** SET {@code key} {@code value} PX {@code ttl}. */
  CompletableFuture<String> setExpiring(String key, byte[] value, Duration ttl) {
    return commands
        .async()
        .set(bytes(key), value, SetArgs.Builder.px(ttl.toMillis()))
        .toCompletableFuture();
  }

  /** DEL {@code key}. */
  CompletableFuture<Long> del(String key) {
    return commands.async().del(bytes(key)).toCompletableFuture();
  }

  /** GETDEL {@code key}: the value, null when there is none, and the key gone. */
  CompletableFuture<byte[]> getdel(String key) {
    return commands.async().getdel(bytes(key)).toCompletableFuture();
  }

  /**
   * A connection of its own, for a blocking command: Lettuce pipelines every command of a
   * connection, so a blocking XREAD would hold up all the others. It closes with these.
   */
  StatefulRedisConnection<byte[], byte[]> dedicatedConnection() {
    StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
    dedicated.add(connection);
    return connection;
  }

  /** Runs {@code task} after {@code delay} on the client's event executors. */
  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    return resources.eventExecutorGroup().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closing = true;
    dedicated.forEach(StatefulRedisConnection::close);
    subscriber.close();
    commands.close();
    shutDown(client, resources);
  }

  /**
   * Lettuce's threads and resolver for a client of a few connections: two I/O threads are plenty
   * (the default is one per core, at least 2), and the JDK's resolver, not Netty's DNS client,
   * opens no UDP sockets for a loopback or LAN address. Close with {@link #shutDown}.
   */
  public static ClientResources smallResources() {
    return DefaultClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(1)
        .addressResolverGroup(DefaultAddressResolverGroup.INSTANCE)
        .build();
  }

  /** Closes a client made on {@link #smallResources()}, and the resources, bounded. */
  public static void shutDown(RedisClient client, ClientResources resources) {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    try {
      resources.shutdown(0, 2, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Lettuce's threads did not stop cleanly: {}", e.toString());
    }
  }
}
