package dev.wirelab.chat.socketio.adapter;

import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.recovery.PersistedSession;
import dev.wirelab.chat.socketio.recovery.RestoredSession;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Room membership and broadcasting for one namespace. The in-memory {@link InMemoryAdapter} is
 * the default; a cluster adapter would implement the same operations by also publishing them to
 * the other nodes. All methods are thread-safe.
 */
public interface Adapter extends AutoCloseable {

  /** Adds the socket to the rooms. */
  void join(String socketId, Collection<String> rooms);

  /** Removes the socket from one room. */
  void leave(String socketId, String room);

  /** Removes the socket from every room: it disconnected. */
  void leaveAll(String socketId);

  /** The rooms of a socket; empty when it is unknown. */
  Set<String> rooms(String socketId);

  /** The ids of the sockets a broadcast with these options would reach. */
  Set<String> socketIds(BroadcastOptions options);

  /** Encodes the packet once and delivers that same encoding to every recipient. */
  void broadcast(Packet packet, BroadcastOptions options);

  /**
   * The offset a session joining now starts from, or null without connection state recovery.
   */
  String currentOffset();

  /** Keeps a disconnected socket's session for recovery; without recovery, does nothing. */
  void persistSession(PersistedSession session);

  /**
   * Takes back the session {@code pid} if it is still within its window and every packet after
   * {@code offset} is still logged. {@code attach} runs before any later broadcast can be
   * delivered, so the socket it registers receives each missed packet exactly once, in order;
   * when it returns true the socket joins its old rooms, when false (its connection is gone
   * already) the session is dropped.
   */
  Optional<RestoredSession> restoreSession(String pid, String offset,
      Predicate<RestoredSession> attach);

  /** Releases what the adapter holds; the default has nothing to release. */
  @Override
  default void close() {}
}
