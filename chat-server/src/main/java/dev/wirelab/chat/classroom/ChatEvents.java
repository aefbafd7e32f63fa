package dev.wirelab.chat.classroom;

import static dev.wirelab.chat.classroom.Replies.error;
import static dev.wirelab.chat.classroom.Replies.retryLater;

import dev.wirelab.chat.classroom.moderation.ChatRules;
import dev.wirelab.chat.classroom.moderation.RateLimiter;
import dev.wirelab.chat.classroom.presence.Member;
import dev.wirelab.chat.classroom.presence.Presence;
import dev.wirelab.chat.classroom.store.ChatMessage;
import dev.wirelab.chat.classroom.store.HistoryService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classroom chat's rules, one method per event a page can send. Every reply is an object
 * with either {@code ok: true} or an {@code error} sentence the page shows as it is.
 */
final class ChatEvents {
  /** How much history a page gets when it opens a room fresh. */
  static final int RECENT = 50;
  /** The most a reconnecting page gets in one answer; {@code more} tells it to ask again. */
  static final int CATCH_UP = 1_000;
  static final int BURST = 8;
  static final long REFILL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  /** The events a page sends. */
  static final List<String> EVENTS =
      List.of("join", "leave", "message", "typing", "private", "members", "rooms", "kick", "mute", "clear",
          "history");

  private static final Logger log = LoggerFactory.getLogger(ChatEvents.class);

  private final Presence presence = new Presence();
  private final HistoryService history;
  private final Delivery delivery;
  private final RoomNews news;
  private final TeacherActions teacher;

  ChatEvents(HistoryService history, Delivery delivery, String teacherToken) {
    this.history = history;
    this.delivery = delivery;
    this.news = new RoomNews(presence, delivery);
    this.teacher = new TeacherActions(presence, history, delivery, news, teacherToken);
  }

  /**
   * One event from a page: its name, its arguments as plain Java values (maps, lists, strings,
   * numbers) and, if the page asked for one, the acknowledgement callback (else a no-op).
   */
  void onEvent(String socketId, String event, List<Object> args, Consumer<Object> ack) {
    Object first = args.isEmpty() ? null : args.get(0);
    Object second = args.size() < 2 ? null : args.get(1);
    switch (event) {
      case "join" -> join(socketId, first, second, ack);
      case "leave" -> leave(socketId, first, ack);
      case "message" -> message(socketId, first, ack);
      case "typing" -> typing(socketId, first);
      case "private" -> privateMessage(socketId, first, ack);
      case "members" -> members(socketId, first);
      case "rooms" -> rooms(socketId);
      case "kick" -> teacher.kick(socketId, first, ack);
      case "mute" -> teacher.mute(socketId, first, second, ack);
      case "clear" -> teacher.clear(socketId, first, ack);
      case "history" -> earlier(socketId, first, second, ack);
      default -> throw new IllegalArgumentException("not a chat event: " + event);
    }
  }

  /** Why a page may not connect with this auth payload, or empty if it may. */
  Optional<String> refuse(Map<?, ?> auth) {
    Optional<String> badName = ChatRules.checkName(auth.get("name"));
    if (badName.isPresent()) {
      return badName;
    }
    Object token = auth.get("token");
    if (token != null && !teacher.isToken(token)) {
      return Optional.of("that teacher token is not right; leave it empty to join as a student");
    }
    return Optional.empty();
  }

  void connected(String socketId, Map<?, ?> auth) {
    boolean isTeacher = auth.get("token") != null && teacher.isToken(auth.get("token"));
    Member member = new Member(socketId, (String) auth.get("name"), isTeacher,
        new RateLimiter(BURST, REFILL_NANOS, System::nanoTime));
    presence.add(member);
    log.info("{} is in the chat{}", member.name(), isTeacher ? " (teacher view)" : "");
    delivery.toSocket(socketId, "welcome", Map.of("id", socketId, "name", member.name(),
        "teacher", isTeacher, "maxLength", ChatRules.MAX_MESSAGE_LENGTH));
    news.roomsToAll();
  }

  void disconnected(String socketId) {
    Optional<Member> member = presence.find(socketId);
    member.ifPresent(m -> log.info("{} left the chat", m.name()));
    for (String room : presence.remove(socketId)) {
      member.ifPresent(m -> news.notice(room, m.name() + " left"));
      news.membersTo(room);
    }
    news.roomsToAll();
  }

  /**
   * Enters a room and replies with its history: the recent messages when {@code afterOffset} is
   * null, else everything after that offset (what a reconnecting page missed).
   */
  private void join(String socketId, Object room, Object afterOffset, Consumer<Object> reply) {
    Optional<Member> found = presence.find(socketId);
    Optional<String> badRoom = ChatRules.checkRoom(room);
    if (found.isEmpty() || badRoom.isPresent()) {
      reply.accept(error(badRoom.orElse("not connected")));
      return;
    }
    Member member = found.get();
    String name = (String) room;
    delivery.join(socketId, name);
    if (presence.enter(member, name)) {
      news.noticeExcept(name, socketId, member.name() + " joined");
      news.membersTo(name);
      news.roomsToAll();
    }
    var query = afterOffset instanceof Number offset
        ? history.after(name, offset.longValue(), CATCH_UP)
        : history.recent(name, RECENT);
    query.thenCombine(history.lastOffset(name), (messages, last) -> {
      // "more": a page that was away for long asks again from its new last offset.
      // "last": a page that saw higher offsets than this knows the history file was replaced.
      boolean more = afterOffset instanceof Number && messages.size() == CATCH_UP;
      return Map.of("ok", true, "room", name, "more", more, "last", last,
          "history", messages.stream().map(ChatEvents::json).toList());
    }).whenComplete((answer, failure) -> {
      if (failure != null) {
        log.warn("could not read the history of {}: {}", name, Replies.reason(failure));
        reply.accept(error("the history of this room could not be read; try again"));
      } else {
        reply.accept(answer);
      }
    });
  }

  /** The RECENT messages before {@code beforeOffset} of a room the page is in; {@code more} if older remain. */
  private void earlier(String socketId, Object room, Object beforeOffset, Consumer<Object> reply) {
    Optional<Member> member = presence.find(socketId);
    if (member.isEmpty() || !(room instanceof String name) || !member.get().rooms().contains(name)
        || !(beforeOffset instanceof Number before)) {
      reply.accept(error("ask for the history of a room you are in: (room, beforeOffset)"));
      return;
    }
    history.before(name, before.longValue(), RECENT).whenComplete((messages, failure) -> {
      if (failure != null) {
        log.warn("could not read the history of {}: {}", name, Replies.reason(failure));
        reply.accept(error("the history of this room could not be read; try again"));
      } else {
        reply.accept(Map.of("ok", true, "room", name, "more", messages.size() == RECENT,
            "history", messages.stream().map(ChatEvents::json).toList()));
      }
    });
  }

  private void leave(String socketId, Object room, Consumer<Object> reply) {
    Optional<Member> member = presence.find(socketId);
    if (member.isPresent() && room instanceof String name && presence.exit(member.get(), name)) {
      delivery.leave(socketId, name);
      news.notice(name, member.get().name() + " left");
      news.membersTo(name);
      news.roomsToAll();
    }
    reply.accept(Replies.ok());
  }

  /**
   * Stores a message, then acknowledges it and sends it to the room: the ack means "on disk".
   * A retry of a stored message is acknowledged again but not sent twice.
   */
  private void message(String socketId, Object payload, Consumer<Object> reply) {
    Optional<Member> found = presence.find(socketId);
    if (found.isEmpty() || !(payload instanceof Map<?, ?> message)) {
      reply.accept(error("a message is {room, clientId, text}"));
      return;
    }
    Member member = found.get();
    Object room = message.get("room");
    Optional<String> problem = ChatRules.checkRoom(room)
        .or(() -> ChatRules.checkClientId(message.get("clientId")))
        .or(() -> ChatRules.checkText(message.get("text")));
    if (problem.isEmpty() && !member.rooms().contains(room)) {
      problem = Optional.of("join the room before writing to it");
    }
    if (problem.isEmpty() && member.muted()) {
      problem = Optional.of("the teacher has muted you");
    }
    if (problem.isEmpty() && !member.rateLimiter().tryAcquire()) {
      // Retryable: the page keeps the message and sends it again a little later.
      reply.accept(retryLater("slow down: at most " + BURST + " messages in a row, then one every "
          + TimeUnit.NANOSECONDS.toMillis(REFILL_NANOS) + " ms"));
      return;
    }
    if (problem.isPresent()) {
      reply.accept(error(problem.get()));
      return;
    }
    history.append((String) room, (String) message.get("clientId"), member.name(), (String) message.get("text"))
        .whenComplete((appended, failure) -> {
          if (failure != null) {
            log.warn("message from {} not stored: {}", member.name(), Replies.reason(failure));
            reply.accept(retryLater("the server could not store your message; it will be sent again"));
            return;
          }
          if (!appended.duplicate()) {
            delivery.toRoom((String) room, "chat", json(appended.message()));
          }
          reply.accept(Map.of("ok", true, "offset", appended.message().offset()));
        });
  }

  private void typing(String socketId, Object room) {
    presence.find(socketId)
        .filter(member -> room instanceof String name && member.rooms().contains(name))
        .ifPresent(member -> delivery.toRoomExcept((String) room, socketId, "typing",
            Map.of("room", room, "name", member.name())));
  }

  /** A private message goes to the target's own room (named after its socket id) and back to the sender. */
  private void privateMessage(String socketId, Object payload, Consumer<Object> reply) {
    Optional<Member> sender = presence.find(socketId);
    if (sender.isEmpty() || !(payload instanceof Map<?, ?> message)) {
      reply.accept(error("a private message is {to, text}"));
      return;
    }
    Optional<Member> target = message.get("to") instanceof String to ? presence.find(to) : Optional.empty();
    Optional<String> problem = ChatRules.checkText(message.get("text"))
        .or(() -> target.isEmpty() ? Optional.of("that person is no longer online") : Optional.empty())
        .or(() -> sender.get().muted() ? Optional.of("the teacher has muted you") : Optional.empty())
        .or(() -> sender.get().rateLimiter().tryAcquire() ? Optional.empty() : Optional.of("slow down"));
    if (problem.isPresent()) {
      reply.accept(error(problem.get()));
      return;
    }
    Map<String, Object> whisper = new LinkedHashMap<>();
    whisper.put("from", sender.get().name());
    whisper.put("fromId", socketId);
    whisper.put("toName", target.get().name());
    whisper.put("text", message.get("text"));
    whisper.put("at", System.currentTimeMillis());
    delivery.toSocket(target.get().id(), "private", whisper);
    delivery.toSocket(socketId, "private", whisper);
    reply.accept(Replies.ok());
  }

  private void members(String socketId, Object room) {
    if (room instanceof String name) {
      news.membersTo(socketId, name);
    }
  }

  private void rooms(String socketId) {
    news.roomsTo(socketId);
  }

  static Map<String, Object> json(ChatMessage message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("room", message.room());
    json.put("offset", message.offset());
    json.put("clientId", message.clientId());
    json.put("sender", message.sender());
    json.put("text", message.text());
    json.put("at", message.sentAtMillis());
    return json;
  }
}
