package dev.wirelab.chat.socketio.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.recovery.PersistedSession;
import dev.wirelab.chat.socketio.recovery.RestoredSession;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Room membership and broadcasting for one namespace. The in-memory {@link InMemoryAdapter} is the
 * default; a cluster adapter implements the same operations by also publishing them to the other
 * nodes, the way socket.io-adapter's {@code ClusterAdapter} does. Membership queries ({@link
 * #rooms}, {@link #socketIds}) are about this node; the operations below them reach every node
 * unless the options are {@linkplain BroadcastOptions#isLocal() local}. All methods are
 * thread-safe.
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

  /** The offset a session joining now starts from, or null without connection state recovery. */
  String currentOffset();

  /** Keeps a disconnected socket's session for recovery; without recovery, does nothing. */
  void persistSession(PersistedSession session);

  /**
   * The session of a connected socket as it is now: it connected (its connection listeners ran),
   * joined or left a room. An adapter whose sessions must outlive this node (it may crash before it
   * can {@link #persistSession}) keeps it; the default waits for the disconnection.
   */
  default void sessionChanged(PersistedSession session) {}

  /**
   * Takes back the session {@code pid} if it is still within its window and every packet after
   * {@code offset} is still logged. {@code attach} runs before any later broadcast can be
   * delivered, so the socket it registers receives each missed packet exactly once, in order; when
   * it returns true the socket joins its old rooms, when false (its connection is gone already) the
   * session is dropped.
   */
  Optional<RestoredSession> restoreSession(
      String pid, String offset, Predicate<RestoredSession> attach);

  /** Every targeted socket on every node, described; fails when a node does not answer in time. */
  CompletableFuture<List<SocketDetails>> fetchSockets(BroadcastOptions options);

  /** Makes every targeted socket, on every node, join these rooms. */
  void addSockets(BroadcastOptions options, Collection<String> rooms);

  /** Makes every targeted socket, on every node, leave these rooms. */
  void delSockets(BroadcastOptions options, Collection<String> rooms);

  /** Disconnects every targeted socket on every node; with {@code close}, their connections. */
  void disconnectSockets(BroadcastOptions options, boolean close);

  /**
   * Sends the EVENT to every targeted socket on every node, each asked for an ack. Each node
   * reports how many of its sockets it asked to {@code clientCount} (once per node), and each
   * socket's ack (its first argument) goes to {@code ack}; acks after {@code timeout} are dropped.
   */
  void broadcastWithAck(
      Packet packet,
      BroadcastOptions options,
      Duration timeout,
      IntConsumer clientCount,
      Consumer<JsonNode> ack);

  /** Hands {@code [event, ...args]} to the server-side listeners of every other node. */
  void serverSideEmit(List<JsonNode> eventAndArgs);

  /**
   * Like {@link #serverSideEmit}, and completes with one answer per other node; fails with a {@link
   * java.util.concurrent.TimeoutException} when some node has not answered in time.
   */
  CompletableFuture<List<JsonNode>> serverSideEmitWithAck(
      List<JsonNode> eventAndArgs, Duration timeout);

  /** How many nodes serve this namespace, this one included. */
  CompletableFuture<Integer> serverCount();

  /** Releases what the adapter holds; the default has nothing to release. */
  @Override
  default void close() {}
}
