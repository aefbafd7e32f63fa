package dev.wirelab.chat.classroom;

import dev.wirelab.chat.classroom.presence.Member;
import dev.wirelab.chat.classroom.presence.Presence;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tells pages who is where: join and leave notices, a room's member list, the room list.
 *
 * <p>The room list is not sent on every change: changes within {@link #ROOMS_WINDOW} are sent
 * together, once, so a connect storm or a student hopping through rooms costs one list per window
 * instead of one per change per listener. Pages that ask for {@code roomDeltas} get only what
 * changed ({@code roomsDelta}); the others get the whole list ({@code rooms}).
 */
final class RoomNews {
  /** How long room-list changes are gathered before they are sent. */
  static final Duration ROOMS_WINDOW = Duration.ofMillis(500);

  /** The Socket.IO room of pages that want deltas; its {@code @} keeps it apart from chat rooms. */
  static final String DELTA_LISTENERS = "@room-deltas";

  /** Runs a task later; the chat's own timer thread, or a hand-driven one in tests. */
  @FunctionalInterface
  interface Scheduler {
    void after(Duration delay, Runnable task);
  }

  private final Presence presence;
  private final Delivery delivery;
  private final Scheduler scheduler;
  private final Clock clock;

  /** The room counts as last sent; guarded by {@code this}, like {@link #flushPending}. */
  private Map<String, Integer> sent = Map.of();

  private boolean flushPending;

  RoomNews(Presence presence, Delivery delivery, Scheduler scheduler, Clock clock) {
    this.presence = presence;
    this.delivery = delivery;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  void notice(String room, String text) {
    delivery.toRoom(room, "notice", noticeOf(room, text));
  }

  /** A notice for everyone in the room but the page it is about. */
  void noticeExcept(String room, String socketId, String text) {
    delivery.toRoomExcept(room, socketId, "notice", noticeOf(room, text));
  }

  void membersTo(String room) {
    delivery.toRoom(room, "members", membersOf(room));
  }

  void membersTo(String socketId, String room) {
    delivery.toSocket(socketId, "members", membersOf(room));
  }

  /** The room list changed: sends it at the end of the window, together with later changes. */
  void roomsChanged() {
    synchronized (this) {
      if (flushPending) {
        return;
      }
      flushPending = true;
    }
    scheduler.after(ROOMS_WINDOW, this::flush);
  }

  void roomsTo(String socketId) {
    delivery.toSocket(socketId, "rooms", roomList(presence.roomCounts()));
  }

  private void flush() {
    Map<String, Integer> now = presence.roomCounts();
    Map<String, Integer> before;
    synchronized (this) {
      flushPending = false;
      before = sent;
      sent = now;
    }
    Map<String, Object> delta = delta(before, now);
    if (delta.isEmpty()) {
      return;
    }
    delivery.toAllExcept(DELTA_LISTENERS, "rooms", roomList(now));
    delivery.toRoom(DELTA_LISTENERS, "roomsDelta", delta);
  }

  /** {@code {changed: [{name, members}], removed: [name]}}, or empty if nothing changed. */
  private static Map<String, Object> delta(Map<String, Integer> before, Map<String, Integer> now) {
    List<Map<String, Object>> changed = new ArrayList<>();
    now.forEach(
        (room, count) -> {
          if (!count.equals(before.get(room))) {
            changed.add(Map.of("name", room, "members", count));
          }
        });
    List<String> removed = new ArrayList<>();
    before.keySet().stream().filter(room -> !now.containsKey(room)).forEach(removed::add);
    if (changed.isEmpty() && removed.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> delta = new LinkedHashMap<>();
    delta.put("changed", changed);
    delta.put("removed", removed);
    return delta;
  }

  private Map<String, Object> noticeOf(String room, String text) {
    return Map.of("room", room, "text", text, "at", clock.millis());
  }

  private Map<String, Object> membersOf(String room) {
    List<Map<String, Object>> members = presence.in(room).stream().map(RoomNews::memberOf).toList();
    return Map.of("room", room, "members", members);
  }

  private static Map<String, Object> memberOf(Member m) {
    return Map.of("id", m.id(), "name", m.name(), "muted", m.muted(), "teacher", m.teacher());
  }

  private static List<Map<String, Object>> roomList(Map<String, Integer> counts) {
    return new TreeMap<>(counts)
        .entrySet().stream()
            .map(e -> Map.<String, Object>of("name", e.getKey(), "members", e.getValue()))
            .toList();
  }
}
