package dev.wirelab.chat.classroom;

import static dev.wirelab.chat.classroom.Replies.error;

import dev.wirelab.chat.classroom.moderation.ChatRules;
import dev.wirelab.chat.classroom.moderation.Sanctions;
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

/**
 * What only the page with the teacher token may do: kick, mute and clear a room. A kick or a mute
 * lasts as long as the chat runs ({@link Sanctions}), until the teacher lifts it.
 */
final class TeacherActions {
  private static final Logger log = LoggerFactory.getLogger(TeacherActions.class);

  private final Presence presence;
  private final Sanctions sanctions;
  private final HistoryService history;
  private final Delivery delivery;
  private final RoomNews news;
  private final byte[] token;

  TeacherActions(
      Presence presence,
      Sanctions sanctions,
      HistoryService history,
      Delivery delivery,
      RoomNews news,
      String token) {
    this.presence = presence;
    this.sanctions = sanctions;
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

  /**
   * Tells the page why, then ends its session with a DISCONNECT, so it does not come back by
   * itself; its name and identity are refused until {@link #unkick}.
   */
  void kick(Member teacher, Object targetId, Consumer<Object> reply) {
    onStudent(
        teacher,
        targetId,
        reply,
        target -> {
          sanctions.impose(Sanctions.Kind.KICKED, target.name(), target.identity());
          log.info("{} removed {} from the chat", teacher.name(), target.name());
          delivery.toSocket(target.id(), "kicked", teacher.name());
          delivery.disconnect(target.id());
        });
  }

  void mute(Member teacher, Object targetId, Object muted, Consumer<Object> reply) {
    onStudent(
        teacher,
        targetId,
        reply,
        target -> {
          boolean mute = !Boolean.FALSE.equals(muted);
          if (mute) {
            sanctions.impose(Sanctions.Kind.MUTED, target.name(), target.identity());
          } else {
            sanctions.lift(Sanctions.Kind.MUTED, target.name(), target.identity());
          }
          target.mute(mute);
          delivery.toSocket(target.id(), "muted", mute);
          target.rooms().forEach(news::membersTo);
        });
  }

  /** Lets a kicked student back in, by the name they were kicked under. */
  void unkick(Member teacher, Object name, Consumer<Object> reply) {
    if (!isTeacher(teacher, reply)) {
      return;
    }
    if (name instanceof String text && sanctions.lift(Sanctions.Kind.KICKED, text, null)) {
      log.info("{} let {} back into the chat", teacher.name(), text);
      reply.accept(Replies.ok());
    } else {
      reply.accept(error("nobody of that name was kicked"));
    }
  }

  /** The names kicked and muted, for the teacher's list. */
  void list(Member teacher, Consumer<Object> reply) {
    if (isTeacher(teacher, reply)) {
      reply.accept(
          Map.of(
              "ok",
              true,
              "kicked",
              sanctions.names(Sanctions.Kind.KICKED),
              "muted",
              sanctions.names(Sanctions.Kind.MUTED)));
    }
  }

  /** Deletes the room's history; its offsets go on counting, so no page mistakes old for new. */
  void clear(Member teacher, Object room, Consumer<Object> reply) {
    if (!isTeacher(teacher, reply)) {
      return;
    }
    Optional<String> badRoom = ChatRules.checkRoom(room);
    if (badRoom.isPresent()) {
      reply.accept(error(badRoom.get()));
      return;
    }
    history
        .clear((String) room)
        .whenComplete(
            (count, failure) -> {
              if (failure != null) {
                log.warn("could not clear {}: {}", room, Replies.reason(failure));
                reply.accept(error("the room could not be cleared; try again"));
                return;
              }
              delivery.toRoom((String) room, "cleared", Map.of("room", room, "by", teacher.name()));
              reply.accept(Map.of("ok", true, "deleted", count));
            });
  }

  private void onStudent(
      Member teacher, Object targetId, Consumer<Object> reply, Consumer<Member> action) {
    if (!isTeacher(teacher, reply)) {
      return;
    }
    Optional<Member> target = targetId instanceof String id ? presence.find(id) : Optional.empty();
    if (target.isEmpty()) {
      reply.accept(error("that person is no longer online"));
      return;
    }
    if (target.get().teacher()) {
      reply.accept(error("that is a teacher"));
      return;
    }
    action.accept(target.get());
    reply.accept(Replies.ok());
  }

  private static boolean isTeacher(Member member, Consumer<Object> reply) {
    if (!member.teacher()) {
      reply.accept(error("only the teacher can do that"));
    }
    return member.teacher();
  }
}
