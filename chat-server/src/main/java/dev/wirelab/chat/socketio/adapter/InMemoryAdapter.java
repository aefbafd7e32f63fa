package dev.wirelab.chat.socketio.adapter;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketEncoder;
import dev.wirelab.chat.socketio.protocol.PacketType;
import dev.wirelab.chat.socketio.recovery.PersistedSession;
import dev.wirelab.chat.socketio.recovery.RecoveryOptions;
import dev.wirelab.chat.socketio.recovery.RestoredSession;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Rooms and broadcasts of one namespace on this server alone. With connection state recovery,
 * every broadcast EVENT without ack that is not volatile gets the next log offset as its last
 * argument, is logged, and is delivered under one lock, so each socket sees offsets in order.
 */
public final class InMemoryAdapter implements Adapter {
  private final Map<String, Set<String>> membersByRoom = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> roomsBySocket = new ConcurrentHashMap<>();
  private final LocalDelivery delivery;
  private final Clock clock;
  /** Null without recovery; then broadcasts need no lock. */
  private final PacketLog log;
  private final SessionStore sessions;
  private final Object broadcastLock = new Object();

  /** An adapter without connection state recovery. */
  public InMemoryAdapter(LocalDelivery delivery) {
    this(delivery, null, Clock.systemUTC());
  }

  /** An adapter that logs broadcasts for recovery when {@code recovery} is not null. */
  public InMemoryAdapter(LocalDelivery delivery, RecoveryOptions recovery, Clock clock) {
    this.delivery = delivery;
    this.clock = clock;
    if (recovery == null) {
      this.log = null;
      this.sessions = null;
    } else {
      long windowMillis = recovery.maxDisconnectionDuration().toMillis();
      this.log = new PacketLog(recovery.maxLoggedPackets(), windowMillis);
      this.sessions = new SessionStore(recovery.maxSessions(), windowMillis);
    }
  }

  @Override
  public void join(String socketId, Collection<String> rooms) {
    // Sized for the usual socket (its own room and one or two more), not the default 16.
    Set<String> mine = roomsBySocket.computeIfAbsent(socketId, id -> ConcurrentHashMap.newKeySet(2));
    for (String room : rooms) {
      mine.add(room);
      membersByRoom.compute(room, (name, members) -> {
        // Most rooms are a socket's own room: one member for life.
        Set<String> set = members == null ? ConcurrentHashMap.newKeySet(1) : members;
        set.add(socketId);
        return set;
      });
    }
  }

  @Override
  public void leave(String socketId, String room) {
    Set<String> mine = roomsBySocket.get(socketId);
    if (mine != null) {
      mine.remove(room);
    }
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
    membersByRoom.computeIfPresent(room, (name, members) -> {
      members.remove(socketId);
      return members.isEmpty() ? null : members;
    });
  }

  @Override
  public Set<String> rooms(String socketId) {
    Set<String> mine = roomsBySocket.get(socketId);
    return mine == null ? Set.of() : Set.copyOf(mine);
  }

  @Override
  public Set<String> socketIds(BroadcastOptions options) {
    Set<String> candidates = new LinkedHashSet<>();
    if (options.rooms().isEmpty()) {
      candidates.addAll(roomsBySocket.keySet());
    } else {
      options.rooms().forEach(room -> candidates.addAll(membersByRoom.getOrDefault(room, Set.of())));
    }
    options.except().forEach(room -> candidates.removeAll(membersByRoom.getOrDefault(room, Set.of())));
    return candidates;
  }

  @Override
  public void broadcast(Packet packet, BroadcastOptions options) {
    boolean logged = log != null && packet.type() == PacketType.EVENT && !packet.wantsAck()
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
    delivery.deliver(socketIds(options), encoded, options.isVolatile());
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
  public Optional<RestoredSession> restoreSession(String pid, String offset,
      Predicate<RestoredSession> attach) {
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
