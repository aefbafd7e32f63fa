package dev.wirelab.chat.socketio.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketEncoder;
import dev.wirelab.chat.socketio.protocol.PacketType;
import dev.wirelab.chat.socketio.recovery.PersistedSession;
import dev.wirelab.chat.socketio.recovery.RecoveryOptions;
import dev.wirelab.chat.socketio.recovery.RestoredSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Rooms and broadcasts of one namespace on this server alone. With connection state recovery, every
 * broadcast EVENT without ack that is not volatile gets the next log offset as its last argument,
 * is logged, and is delivered under one lock, so each socket sees offsets in order. This node is
 * the whole cluster: requests get this node's answer alone, server-side events have nobody to go
 * to. A cluster adapter keeps one of these for its local part.
 */
public final class InMemoryAdapter implements Adapter {
  private final Map<String, Set<String>> membersByRoom = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> roomsBySocket = new ConcurrentHashMap<>();
  private final LocalNamespace local;
  private final Clock clock;

  /** Null without recovery; then broadcasts need no lock. */
  private final PacketLog log;

  private final SessionStore sessions;
  private final Object broadcastLock = new Object();

  /** An adapter without connection state recovery. */
  public InMemoryAdapter(LocalNamespace local) {
    this(local, null, Clock.systemUTC());
  }

  /** An adapter that logs broadcasts for recovery when {@code recovery} is not null. */
  public InMemoryAdapter(LocalNamespace local, RecoveryOptions recovery, Clock clock) {
    this.local = local;
    this.clock = clock;
    if (recovery == null) {
      this.log = null;
      this.sessions = null;
    } else {
      long windowMillis = recovery.maxDisconnectionDuration().toMillis();
      this.log = new PacketLog(recovery.maxLoggedPackets(), windowMillis, clock.millis());
      this.sessions = new SessionStore(recovery.maxSessions(), windowMillis);
    }
  }

  /*
   * Memory per idle socket matters (thousands of them): a socket's own set of rooms is an
   * immutable set, replaced on join and leave (both rare); a room's members are an immutable set
   * while the room has at most SMALL_ROOM members (most rooms are a socket's own room, one member
   * for life) and a concurrent set beyond. Every change goes through compute() on the outer map,
   * which makes the replacements atomic; readers see either the old or the new set.
   */
  private static final int SMALL_ROOM = 4;

  @Override
  public void join(String socketId, Collection<String> rooms) {
    for (String room : rooms) {
      roomsBySocket.compute(socketId, (id, mine) -> with(mine, room));
      membersByRoom.compute(room, (name, members) -> withMember(members, socketId));
    }
  }

  @Override
  public void leave(String socketId, String room) {
    roomsBySocket.computeIfPresent(socketId, (id, mine) -> without(mine, room));
    removeMember(room, socketId);
  }

  @Override
  public void leaveAll(String socketId) {
    Set<String> mine = roomsBySocket.remove(socketId);
    if (mine != null) {
      mine.forEach(room -> removeMember(room, socketId));
    }
  }

  private void removeMember(String room, String socketId) {
    membersByRoom.computeIfPresent(
        room,
        (name, members) -> {
          if (!isSmall(members)) {
            members.remove(socketId);
            return members.isEmpty() ? null : members;
          }
          return without(members, socketId);
        });
  }

  private static Set<String> withMember(Set<String> members, String socketId) {
    if (members == null || (isSmall(members) && members.size() < SMALL_ROOM)) {
      return with(members, socketId);
    }
    if (isSmall(members)) {
      Set<String> large = ConcurrentHashMap.newKeySet(SMALL_ROOM * 4);
      large.addAll(members);
      members = large;
    }
    members.add(socketId);
    return members;
  }

  /** Immutable sets are the small ones; a concurrent set stays concurrent once it grew. */
  private static boolean isSmall(Set<String> members) {
    return !(members instanceof ConcurrentHashMap.KeySetView);
  }

  private static Set<String> with(Set<String> set, String item) {
    if (set == null || set.isEmpty()) {
      return Set.of(item);
    }
    if (set.contains(item)) {
      return set;
    }
    String[] items = set.toArray(new String[set.size() + 1]);
    items[items.length - 1] = item;
    return Set.of(items);
  }

  /** The set without {@code item}; null (no entry) when nothing is left. */
  private static Set<String> without(Set<String> set, String item) {
    if (!set.contains(item)) {
      return set;
    }
    if (set.size() == 1) {
      return null;
    }
    return set.stream()
        .filter(other -> !other.equals(item))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<String> rooms(String socketId) {
    return roomsBySocket.getOrDefault(socketId, Set.of());
  }

  @Override
  public Set<String> socketIds(BroadcastOptions options) {
    Set<String> candidates = new LinkedHashSet<>();
    if (options.rooms().isEmpty()) {
      candidates.addAll(roomsBySocket.keySet());
    } else {
      options
          .rooms()
          .forEach(room -> candidates.addAll(membersByRoom.getOrDefault(room, Set.of())));
    }
    options
        .except()
        .forEach(room -> candidates.removeAll(membersByRoom.getOrDefault(room, Set.of())));
    return candidates;
  }

  @Override
  public void broadcast(Packet packet, BroadcastOptions options) {
    boolean logged =
        log != null
            && packet.type() == PacketType.EVENT
            && !packet.wantsAck()
            && !options.isVolatile();
    if (!logged) {
      deliver(PacketEncoder.encode(packet), options);
      return;
    }
    synchronized (broadcastLock) {
      EncodedPacket encoded =
          PacketEncoder.encode(packet.withAppended(TextNode.valueOf(log.nextOffset())));
      log.append(options, encoded, clock.millis());
      deliver(encoded, options);
    }
  }

  private void deliver(EncodedPacket encoded, BroadcastOptions options) {
    local.deliver(socketIds(options), encoded, options.isVolatile());
  }

  /** Every room with a member on this node, socket id rooms included. */
  public Set<String> allRooms() {
    return Set.copyOf(membersByRoom.keySet());
  }

  @Override
  public CompletableFuture<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
    return CompletableFuture.completedFuture(local.describe(socketIds(options)));
  }

  @Override
  public void addSockets(BroadcastOptions options, Collection<String> rooms) {
    socketIds(options).forEach(id -> join(id, rooms));
  }

  @Override
  public void delSockets(BroadcastOptions options, Collection<String> rooms) {
    for (String id : socketIds(options)) {
      rooms.forEach(room -> leave(id, room));
    }
  }

  @Override
  public void disconnectSockets(BroadcastOptions options, boolean close) {
    local.disconnect(socketIds(options), close);
  }

  @Override
  public void broadcastWithAck(
      Packet packet,
      BroadcastOptions options,
      Duration timeout,
      IntConsumer clientCount,
      Consumer<JsonNode> ack) {
    clientCount.accept(local.deliverWithAck(socketIds(options), packet, timeout, ack));
  }

  @Override
  public void serverSideEmit(List<JsonNode> eventAndArgs) {
    // no other node
  }

  @Override
  public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(
      List<JsonNode> eventAndArgs, Duration timeout) {
    return CompletableFuture.completedFuture(List.of());
  }

  @Override
  public CompletableFuture<Integer> serverCount() {
    return CompletableFuture.completedFuture(1);
  }

  @Override
  public String currentOffset() {
    if (log == null) {
      return null;
    }
    synchronized (broadcastLock) {
      return log.lastOffset();
    }
  }

  @Override
  public void persistSession(PersistedSession session) {
    if (sessions == null) {
      return;
    }
    synchronized (broadcastLock) {
      sessions.put(session, clock.millis());
    }
  }

  @Override
  public Optional<RestoredSession> restoreSession(
      String pid, String offset, Predicate<RestoredSession> attach) {
    if (sessions == null) {
      return Optional.empty();
    }
    synchronized (broadcastLock) {
      long now = clock.millis();
      Optional<PersistedSession> session = sessions.take(pid, now);
      if (session.isEmpty()) {
        return Optional.empty();
      }
      String from = offset != null ? offset : session.get().joinOffset();
      Optional<List<EncodedPacket>> missed = log.after(from, session.get().rooms(), now);
      if (missed.isEmpty()) {
        return Optional.empty();
      }
      RestoredSession restored = new RestoredSession(session.get(), missed.get());
      if (!attach.test(restored)) {
        return Optional.empty();
      }
      join(restored.session().sid(), restored.session().rooms());
      return Optional.of(restored);
    }
  }
}
