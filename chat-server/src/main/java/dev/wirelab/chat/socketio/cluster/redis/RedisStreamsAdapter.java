package dev.wirelab.chat.socketio.cluster.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.adapter.LocalNamespace;
import dev.wirelab.chat.socketio.cluster.ClusterAdapter;
import dev.wirelab.chat.socketio.cluster.ClusterMessage;
import dev.wirelab.chat.socketio.cluster.ClusterWire;
import dev.wirelab.chat.socketio.cluster.MessageType;
import dev.wirelab.chat.socketio.cluster.MsgPack;
import dev.wirelab.chat.socketio.cluster.PublishFailures;
import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import dev.wirelab.chat.socketio.protocol.PacketEncoder;
import dev.wirelab.chat.socketio.recovery.PersistedSession;
import dev.wirelab.chat.socketio.recovery.RecoveryOptions;
import dev.wirelab.chat.socketio.recovery.RestoredSession;
import io.lettuce.core.StreamMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter of one namespace on a Redis stream, wire-compatible with {@code
 * @socket.io/redis-streams-adapter} 0.3, so Java and Node nodes share rooms, broadcasts, requests
 * and connection state recovery:
 *
 * <ul>
 *   <li>broadcasts without ack, socketsJoin, socketsLeave and disconnectSockets are stream entries
 *       ({@code XADD <stream> MAXLEN ~ <maxLen> *}, see {@link StreamEntries}); the entry id is
 *       the broadcast's offset, the same on every node;
 *   <li>broadcasts with ack, fetchSockets and serverSideEmit are msgpack on {@code
 *       <prefix>#<nsp>#}, answers msgpack on {@code <prefix>#<nsp>#<uid>#};
 *   <li>the node count is {@code PUBSUB NUMSUB} of {@code <prefix>#<nsp>#};
 *   <li>a disconnected session is {@code SET <sessionPrefix><pid> ... PX <window>}; any node
 *       restores it with GETDEL and replays the stream after the client's offset.
 * </ul>
 *
 * <p>Beyond the Node adapter: this node's own broadcasts reach its clients when the reader reads
 * them back, so every socket sees stream order; a session is replayed up to the last entry the
 * reader delivered, on the reader's thread, so nothing is missed or doubled around the replay;
 * volatile broadcasts are not replayed.
 */
public final class RedisStreamsAdapter extends ClusterAdapter implements RedisConnections.Receiver {
  private static final Logger LOG = LoggerFactory.getLogger(RedisStreamsAdapter.class);
  private static final long RESTORE_WAIT_SECONDS = 5;

  private final RedisConnections redis;
  private final StreamReader reader;
  private final RedisStreamsAdapterOptions options;
  private final RecoveryOptions recovery;
  private final Clock clock;
  private final String publicChannel;
  private final String privateChannel;

  /**
   * Restored sockets that already hold entries up to an id the reader had not read yet (they came
   * from a node that was ahead): until the reader passes it, they skip what it delivers. Used on
   * the reader's thread only.
   */
  private final Map<String, StreamId> replayedThrough = new HashMap<>();

  /**
   * The sessions of this node's connected sockets, by socket id, kept in Redis while they are
   * connected (and refreshed every half window), so that a client can recover elsewhere when this
   * node dies without persisting anything; Node's adapter loses these (redis-streams-adapter#27).
   */
  private final Map<String, PersistedSession> connected = new ConcurrentHashMap<>();

  private volatile ScheduledFuture<?> refresh;
  private volatile boolean closed;

  /**
   * Subscribes this namespace's channels and waits (up to 10 s) until Redis confirmed them.
   *
   * @param recovery connection state recovery, or null when it is off
   */
  RedisStreamsAdapter(
      String namespace,
      LocalNamespace sockets,
      RedisConnections redis,
      StreamReader reader,
      RedisStreamsAdapterOptions options,
      RecoveryOptions recovery,
      Clock clock) {
    super(
        namespace,
        sockets,
        options.requestsTimeout(),
        recovery != null,
        redis::schedule,
        new PublishFailures(redis.url()));
    this.redis = redis;
    this.reader = reader;
    this.options = options;
    this.recovery = recovery;
    this.clock = clock;
    this.publicChannel = options.channelPrefix() + "#" + namespace + "#";
    this.privateChannel = publicChannel + uid + "#";
    redis.receiveOnceSubscribed(
        this, redis.subscribe(publicChannel, privateChannel), publicChannel);
    reader.addListener(namespace, this::onEntry);
    if (recovery != null) {
      refreshLater();
    }
  }

  // ---- the transport ----

  @Override
  protected CompletableFuture<String> doPublish(ClusterMessage message) {
    if (isEphemeral(message)) {
      return redis
          .publish(publicChannel, MsgPack.encode(message.toTree()))
          .thenApply(receivers -> null);
    }
    return redis.xadd(options.streamName(), StreamEntries.encode(message), options.maxLen());
  }

  /** What needs no replay travels on pub/sub: a stream entry would wait for the next XREAD. */
  private static boolean isEphemeral(ClusterMessage message) {
    return message.type() == MessageType.BROADCAST && message.requestId() != null
        || message.type() == MessageType.SERVER_SIDE_EMIT
        || message.type() == MessageType.FETCH_SOCKETS;
  }

  @Override
  protected CompletableFuture<?> doPublishResponse(String requesterUid, ClusterMessage response) {
    return redis.publish(
        options.channelPrefix() + "#" + namespace + "#" + requesterUid + "#",
        MsgPack.encode(response.toTree()));
  }

  @Override
  public CompletableFuture<Integer> serverCount() {
    return redis.numsub(publicChannel);
  }

  @Override
  public void onMessage(String channel, byte[] payload) {
    if (!channel.equals(publicChannel) && !channel.equals(privateChannel)) {
      return;
    }
    ClusterMessage message;
    try {
      message = ClusterMessage.of(MsgPack.decode(payload));
    } catch (MsgPack.MsgPackException e) {
      LOG.warn("ignoring a cluster message on {}: {}", channel, e.getMessage());
      return;
    }
    if (message == null) {
      LOG.warn("ignoring a cluster message on {}: not {{type, data, uid, nsp}}", channel);
      return;
    }
    onMessage(message, null);
  }

  /** An entry of this namespace, on the reader's thread. */
  private void onEntry(String id, Map<String, String> fields) {
    ClusterMessage message = decodeEntry(id, fields);
    if (message != null) {
      onMessage(message, id);
    }
  }

  private ClusterMessage decodeEntry(String id, Map<String, String> fields) {
    try {
      ClusterMessage message = StreamEntries.decode(fields);
      if (message == null) {
        LOG.warn("ignoring stream entry {}: no known type, uid and nsp", id);
      }
      return message;
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring stream entry {}: {}", id, e.getMessage());
      return null;
    }
  }

  @Override
  protected BroadcastOptions recipients(BroadcastOptions target, String offset) {
    if (offset == null || replayedThrough.isEmpty()) {
      return target;
    }
    StreamId at = StreamId.parse(offset);
    replayedThrough.values().removeIf(through -> through.compareTo(at) < 0);
    Set<String> except = new HashSet<>(target.except());
    except.addAll(replayedThrough.keySet());
    return new BroadcastOptions(target.rooms(), except, target.isVolatile(), target.isLocal());
  }

  // ---- connection state recovery ----

  @Override
  public String currentOffset() {
    return recovery == null ? null : reader.lastId().toString();
  }

  @Override
  public void sessionChanged(PersistedSession session) {
    if (recovery != null) {
      connected.put(session.sid(), session);
      store(session);
    }
  }

  @Override
  public void persistSession(PersistedSession session) {
    if (recovery != null) {
      connected.remove(session.sid());
      store(session);
    }
  }

  @Override
  public void leaveAll(String socketId) {
    super.leaveAll(socketId);
    // Still here: the socket left for good (no persistSession first), so its session goes too.
    PersistedSession left = connected.remove(socketId);
    if (left != null) {
      redis
          .del(options.sessionKeyPrefix() + left.pid())
          .whenComplete(
              (ok, failure) -> {
                if (failure != null) {
                  failures.failed("the end of socket " + socketId + "'s session", failure);
                }
              });
    }
  }

  /** Stores the connected sessions again before they expire, until the adapter closes. */
  private void refreshLater() {
    refresh =
        redis.schedule(
            () -> {
              connected.values().forEach(this::store);
              if (!closed) {
                refreshLater();
              }
            },
            recovery.maxDisconnectionDuration().dividedBy(2));
  }

  /** SET {@code <prefix><pid>} for as long as the client may come back. */
  private void store(PersistedSession session) {
    redis
        .setExpiring(
            options.sessionKeyPrefix() + session.pid(),
            StreamSessions.encode(session),
            recovery.maxDisconnectionDuration())
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                failures.failed("the session of socket " + session.sid(), failure);
              }
            });
  }

  @Override
  public Optional<RestoredSession> restoreSession(
      String pid, String offset, Predicate<RestoredSession> attach) {
    if (recovery == null) {
      return Optional.empty();
    }
    AtomicBoolean claimed = new AtomicBoolean();
    CompletableFuture<Optional<RestoredSession>> restored =
        reader.inOrder(() -> restore(pid, offset, attach, claimed));
    try {
      try {
        return restored.get(RESTORE_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        if (claimed.compareAndSet(false, true)) {
          LOG.warn(
              "restoring a session from {} took over {} s; the client gets a new one",
              redis.url(),
              RESTORE_WAIT_SECONDS);
          return Optional.empty();
        }
        // The replay is attaching the socket this moment: that is quick.
        return restored.get(RESTORE_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      LOG.warn("could not restore a session from {}: {}", redis.url(), cause.toString());
      return Optional.empty();
    }
  }

  /** Takes the session and replays what it missed; on the reader's thread, between entries. */
  private Optional<RestoredSession> restore(
      String pid, String offset, Predicate<RestoredSession> attach, AtomicBoolean claimed)
      throws Exception {
    byte[] stored =
        redis.getdel(options.sessionKeyPrefix() + pid).get(RESTORE_WAIT_SECONDS, TimeUnit.SECONDS);
    if (stored == null) {
      return Optional.empty();
    }
    PersistedSession session;
    try {
      session = StreamSessions.decode(stored, clock.millis());
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring the stored session of a returning client: {}", e.getMessage());
      return Optional.empty();
    }
    StreamId from = StreamId.parse(offset != null ? offset : session.joinOffset());
    if (from == null || !stillInStream(from)) {
      return Optional.empty();
    }
    StreamId last = reader.lastId();
    List<EncodedPacket> missed =
        from.compareTo(last) < 0 ? missedBetween(from, last, session.rooms()) : List.of();
    if (!claimed.compareAndSet(false, true)) {
      return Optional.empty(); // the caller stopped waiting and gave the client a new session
    }
    RestoredSession restored = new RestoredSession(session, missed);
    if (!attach.test(restored)) {
      return Optional.empty();
    }
    if (from.compareTo(last) > 0) {
      replayedThrough.put(session.sid(), from);
    }
    local.join(session.sid(), session.rooms());
    return Optional.of(restored);
  }

  /** Whether the offset's entry is still kept: then nothing after it has been trimmed. */
  private boolean stillInStream(StreamId offset) throws Exception {
    return !redis
        .xrange(options.streamName(), offset.toString(), offset.toString())
        .get(RESTORE_WAIT_SECONDS, TimeUnit.SECONDS)
        .isEmpty();
  }

  /** This namespace's broadcasts after {@code from} up to {@code last} that reach {@code rooms}. */
  private List<EncodedPacket> missedBetween(StreamId from, StreamId last, Set<String> rooms)
      throws Exception {
    List<EncodedPacket> missed = new ArrayList<>();
    List<StreamMessage<byte[], byte[]>> entries =
        redis
            .xrange(options.streamName(), from.next().toString(), last.toString())
            .get(RESTORE_WAIT_SECONDS, TimeUnit.SECONDS);
    for (StreamMessage<byte[], byte[]> entry : entries) {
      Map<String, String> fields = StreamEntries.text(entry.getBody());
      if (!namespace.equals(fields.get("nsp"))
          || !Integer.toString(MessageType.BROADCAST.code()).equals(fields.get("type"))) {
        continue;
      }
      ClusterMessage message = decodeEntry(entry.getId(), fields);
      if (message == null || message.requestId() != null) {
        continue;
      }
      BroadcastOptions target = ClusterWire.target(message.data().path("opts"));
      JsonNode eventAndArgs = message.data().path("packet").path("data");
      if (eventAndArgs.isArray() && !target.isVolatile() && target.matches(rooms)) {
        missed.add(PacketEncoder.encode(loggedEvent(eventAndArgs, entry.getId())));
      }
    }
    return missed;
  }

  @Override
  public void close() {
    closed = true;
    if (refresh != null) {
      refresh.cancel(false);
    }
    reader.removeListener(namespace);
    redis.removeReceiver(this);
    redis.unsubscribe(publicChannel, privateChannel);
    super.close();
  }
}
