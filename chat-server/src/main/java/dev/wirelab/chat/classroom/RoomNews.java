package dev.wirelab.chat.classroom;

import dev.wirelab.chat.classroom.presence.Presence;
import java.util.List;
import java.util.Map;

/** Tells pages who is where: join and leave notices, a room's member list, the room list. */
final class RoomNews {
  private final Presence presence;
  private final Delivery delivery;

  RoomNews(Presence presence, Delivery delivery) {
    this.presence = presence;
    this.delivery = delivery;
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

  void roomsToAll() {
    delivery.toAll("rooms", roomList());
  }

  void roomsTo(String socketId) {
    delivery.toSocket(socketId, "rooms", roomList());
  }

  private static Map<String, Object> noticeOf(String room, String text) {
    return Map.of("room", room, "text", text, "at", System.currentTimeMillis());
  }

  private Map<String, Object> membersOf(String room) {
    List<Map<String, Object>> members = presence.in(room).stream()
        .map(m -> Map.<String, Object>of("id", m.id(), "name", m.name(), "muted", m.muted(), "teacher", m.teacher()))
        .toList();
    return Map.of("room", room, "members", members);
  }

  private List<Map<String, Object>> roomList() {
    return presence.roomCounts().entrySet().stream()
        .map(e -> Map.<String, Object>of("name", e.getKey(), "members", e.getValue()))
        .toList();
  }
}
