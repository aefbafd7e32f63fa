package dev.wirelab.chat.classroom;

import static dev.wirelab.chat.classroom.Replies.error;

import dev.wirelab.chat.classroom.moderation.ChatRules;
import dev.wirelab.chat.classroom.presence.Member;
import dev.wirelab.chat.classroom.presence.Presence;
import dev.wirelab.chat.classroom.store.HistoryService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What only the page with the teacher token may do: kick, mute and clear a room. */
final class TeacherActions {
  private static final Logger log = LoggerFactory.getLogger(TeacherActions.class);

  private final Presence presence;
  private final HistoryService history;
  private final Delivery delivery;
  private final RoomNews news;
  private final byte[] token;

  TeacherActions(Presence presence, HistoryService history, Delivery delivery, RoomNews news, String token) {
    this.presence = presence;
    this.history = history;
    this.delivery = delivery;
    this.news = news;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  boolean isToken(Object candidate) {
    // Constant-time comparison: the time of a wrong guess says nothing about the right token.
    return candidate instanceof String text
        && MessageDigest.isEqual(text.getBytes(StandardCharsets.UTF_8), token);
  }

  /** Tells the page why, then ends its session with a DISCONNECT, so it does not come back by itself. */
  void kick(String socketId, Object targetId, Consumer<Object> reply) {
    onStudent(socketId, targetId, reply, (teacher, target) -> {
      delivery.toSocket(target.id(), "kicked", teacher.name());
      delivery.disconnect(target.id());
    });
  }

  void mute(String socketId, Object targetId, Object muted, Consumer<Object> reply) {
    onStudent(socketId, targetId, reply, (teacher, target) -> {
      boolean mute = !Boolean.FALSE.equals(muted);
      target.mute(mute);
      delivery.toSocket(target.id(), "muted", mute);
      target.rooms().forEach(news::membersTo);
    });
  }

  /** Deletes the room's history; its offsets go on counting, so no page mistakes old for new. */
  void clear(String socketId, Object room, Consumer<Object> reply) {
    Optional<Member> teacher = teacher(socketId, reply);
    if (teacher.isEmpty()) {
      return;
    }
    Optional<String> badRoom = ChatRules.checkRoom(room);
    if (badRoom.isPresent()) {
      reply.accept(error(badRoom.get()));
      return;
    }
    history.clear((String) room).whenComplete((count, failure) -> {
      if (failure != null) {
        log.warn("could not clear {}: {}", room, Replies.reason(failure));
        reply.accept(error("the room could not be cleared; try again"));
        return;
      }
      delivery.toRoom((String) room, "cleared", Map.of("room", room, "by", teacher.get().name()));
      reply.accept(Map.of("ok", true, "deleted", count));
    });
  }

  private void onStudent(String socketId, Object targetId, Consumer<Object> reply, StudentAction action) {
    Optional<Member> teacher = teacher(socketId, reply);
    if (teacher.isEmpty()) {
      return;
    }
    Optional<Member> target = targetId instanceof String id ? presence.find(id) : Optional.empty();
    if (target.isEmpty()) {
      reply.accept(error("that person is no longer online"));
      return;
    }
    action.apply(teacher.get(), target.get());
    reply.accept(Replies.ok());
  }

  private Optional<Member> teacher(String socketId, Consumer<Object> reply) {
    Optional<Member> member = presence.find(socketId).filter(Member::teacher);
    if (member.isEmpty()) {
      reply.accept(error("only the teacher can do that"));
    }
    return member;
  }

  @FunctionalInterface
  private interface StudentAction {
    void apply(Member teacher, Member target);
  }
}
