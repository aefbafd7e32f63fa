package dev.wirelab.chat.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link Delivery} that keeps what the chat sent and to whom, and tracks Socket.IO's rooms, so a
 * test reads the chat's rules without a network. A disconnect tells the chat, as the Socket.IO
 * server's disconnect listener does.
 */
final class RecordingDelivery implements Delivery {
  /** One send: to a socket, a room, or everyone but a room ({@code toAllExcept}). */
  record Sent(String how, String target, String event, Object payload) {}

  final List<Sent> sent = new ArrayList<>();
  final List<String> disconnected = new ArrayList<>();
  private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();
  private Consumer<String> onDisconnect = id -> {};

  void onDisconnect(Consumer<String> listener) {
    onDisconnect = listener;
  }

  synchronized List<Object> to(String socketId, String event) {
    return sent.stream()
        .filter(s -> s.event().equals(event))
        .filter(s -> reaches(s, socketId))
        .map(Sent::payload)
        .toList();
  }

  synchronized long count(String event) {
    return sent.stream().filter(s -> s.event().equals(event)).count();
  }

  private boolean reaches(Sent s, String socketId) {
    Set<String> in = rooms.getOrDefault(socketId, Set.of());
    return switch (s.how()) {
      case "socket" -> s.target().equals(socketId);
      case "room" -> in.contains(s.target()) || s.target().equals(socketId);
      case "allExcept" -> !in.contains(s.target());
      default -> throw new IllegalStateException(s.how());
    };
  }

  @Override
  public synchronized void toSocket(String socketId, String event, Object payload) {
    sent.add(new Sent("socket", socketId, event, payload));
  }

  @Override
  public synchronized void toRoom(String room, String event, Object payload) {
    sent.add(new Sent("room", room, event, payload));
  }

  @Override
  public synchronized void toRoomExcept(
      String room, String exceptSocketId, String event, Object payload) {
    sent.add(new Sent("room", room, event, payload));
  }

  @Override
  public synchronized void toAllExcept(String exceptRoom, String event, Object payload) {
    sent.add(new Sent("allExcept", exceptRoom, event, payload));
  }

  @Override
  public void join(String socketId, String room) {
    rooms.computeIfAbsent(socketId, id -> ConcurrentHashMap.newKeySet()).add(room);
  }

  @Override
  public void leave(String socketId, String room) {
    rooms.getOrDefault(socketId, Set.of()).remove(room);
  }

  @Override
  public void disconnect(String socketId) {
    synchronized (this) {
      disconnected.add(socketId);
    }
    rooms.remove(socketId);
    onDisconnect.accept(socketId);
  }
}
