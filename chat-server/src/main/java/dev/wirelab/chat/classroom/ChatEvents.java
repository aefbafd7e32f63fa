package dev.wirelab.chat.classroom;

import static dev.wirelab.chat.classroom.Replies.error;
import static dev.wirelab.chat.classroom.Replies.retryLater;

import dev.wirelab.chat.classroom.moderation.ChatRules;
import dev.wirelab.chat.classroom.moderation.NameSkeleton;
import dev.wirelab.chat.classroom.moderation.RateLimiter;
import dev.wirelab.chat.classroom.moderation.Sanctions;
import dev.wirelab.chat.classroom.presence.Member;
import dev.wirelab.chat.classroom.presence.Presence;
import dev.wirelab.chat.classroom.store.ChatMessage;
import dev.wirelab.chat.classroom.store.HistoryService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classroom chat's rules, one method per event a page can send. Every reply is an object with
 * either {@code ok: true} or an {@code error} sentence the page shows as it is.
 */
final class ChatEvents {
  /** How much history a page gets when it opens a room fresh. */
  static final int RECENT = 50;

  /** The most a reconnecting page gets in one answer; {@code more} tells it to ask again. */
  static final int CATCH_UP = 1_000;

  static final int BURST = 8;
  static final long REFILL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  /**
   * Every event, of any kind: a burst of 20 (a reconnecting page re-joins all its rooms), then
   * 10/s.
   */
  static final int EVENT_BURST = 20;

  static final long EVENT_REFILL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** Events refused for the event limit before the page is disconnected; one more each second. */
  static final int PATIENCE = 20;

  static final long PATIENCE_REFILL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** Rooms one page may be in, the lobby included, and rooms the whole chat may have. */
  static final int MAX_ROOMS_PER_MEMBER = 10;

  static final int MAX_ROOMS = 100;

  /** The name only a page with the teacher token may take (and any name a teacher took). */
  static final String TEACHER = "Teacher";

  /** The events a page sends. */
  static final List<String> EVENTS =
      List.of(
          "join",
          "leave",
          "message",
          "typing",
          "private",
          "members",
          "rooms",
          "kick",
          "mute",
          "unkick",
          "sanctions",
          "clear",
          "history");

  private static final Logger log = LoggerFactory.getLogger(ChatEvents.class);

  private final Presence presence = new Presence();
  private final Sanctions sanctions = new Sanctions();

  /** Skeletons of the names no student may take: the teacher's. */
  private final Set<String> teacherNames = ConcurrentHashMap.newKeySet();

  private final Map<String, ReadQueue> reads = new ConcurrentHashMap<>();
  private final HistoryService history;
  private final Delivery delivery;
  private final RoomNews news;
  private final TeacherActions teacher;
  private final Clock clock;
  private final LongSupplier ticker;

  /**
   * @param scheduler runs the room list's coalesced sends
   * @param clock the time stamped on private messages and notices
   * @param ticker nanoseconds for the rate limits ({@code System::nanoTime})
   */
  ChatEvents(
      HistoryService history,
      Delivery delivery,
      String teacherToken,
      RoomNews.Scheduler scheduler,
      Clock clock,
      LongSupplier ticker) {
    this.history = history;
    this.delivery = delivery;
    this.clock = clock;
    this.ticker = ticker;
    this.news = new RoomNews(presence, delivery, scheduler, clock);
    this.teacher = new TeacherActions(presence, sanctions, history, delivery, news, teacherToken);
    teacherNames.add(NameSkeleton.of(TEACHER));
  }

  /**
   * One event from a page: its name, its arguments as plain Java values (maps, lists, strings,
   * numbers) and, if the page asked for one, the acknowledgement callback (else a no-op).
   */
  void onEvent(String socketId, String event, List<Object> args, Consumer<Object> ack) {
    Optional<Member> member = presence.find(socketId);
    if (member.isEmpty()) {
      ack.accept(error("not connected"));
      return;
    }
    if (!member.get().eventLimiter().tryAcquire()) {
      tooFast(member.get(), ack);
      return;
    }
    Object first = args.isEmpty() ? null : args.get(0);
    Object second = args.size() < 2 ? null : args.get(1);
    switch (event) {
      case "join" -> join(member.get(), first, second, ack);
      case "leave" -> leave(member.get(), first, ack);
      case "message" -> message(member.get(), first, ack);
      case "typing" -> typing(member.get(), first);
      case "private" -> privateMessage(member.get(), first, ack);
      case "members" -> members(member.get(), first, ack);
      case "rooms" -> {
        news.roomsTo(socketId);
        ack.accept(Replies.ok());
      }
      case "kick" -> teacher.kick(member.get(), first, ack);
      case "mute" -> teacher.mute(member.get(), first, second, ack);
      case "unkick" -> teacher.unkick(member.get(), first, ack);
      case "sanctions" -> teacher.list(member.get(), ack);
      case "clear" -> teacher.clear(member.get(), first, ack);
      case "history" -> earlier(member.get(), first, second, ack);
      default -> throw new IllegalArgumentException("not a chat event: " + event);
    }
  }

  /** Over the event limit: refused (retryable); a page that keeps going is cut off. */
  private void tooFast(Member member, Consumer<Object> ack) {
    if (member.patience().tryAcquire()) {
      ack.accept(
          retryLater(
              "slow down: at most "
                  + EVENT_BURST
                  + " events in a row, then one every "
                  + TimeUnit.NANOSECONDS.toMillis(EVENT_REFILL_NANOS)
                  + " ms"));
      return;
    }
    log.warn("{} kept sending after {} refusals and was disconnected", member.name(), PATIENCE);
    delivery.disconnect(member.id());
  }

  /** Why a page may not connect with this auth payload, or empty if it may. */
  Optional<String> refuse(Map<?, ?> auth) {
    Optional<String> bad =
        ChatRules.checkName(auth.get("name"))
            .or(() -> ChatRules.checkIdentity(auth.get("identity")));
    if (bad.isPresent()) {
      return bad;
    }
    Object token = auth.get("token");
    if (token != null && !teacher.isToken(token)) {
      return Optional.of("that teacher token is not right; leave it empty to join as a student");
    }
    return refusal((String) auth.get("name"), identity(auth), token != null);
  }

  /** The rules on who someone may be: one name, one person; the teacher's name is the teacher's. */
  private Optional<String> refusal(String name, String identity, boolean isTeacher) {
    if (!isTeacher && teacherNames.contains(NameSkeleton.of(name))) {
      return Optional.of("that name is the teacher's; choose another");
    }
    if (!isTeacher && sanctions.applies(Sanctions.Kind.KICKED, name, identity)) {
      return Optional.of("the teacher has removed you from this chat");
    }
    Optional<Member> holder = presence.named(name);
    if (holder.isPresent() && !samePage(holder.get(), identity)) {
      return Optional.of("that name is taken (by " + holder.get().name() + "); choose another");
    }
    return Optional.empty();
  }

  void connected(String socketId, Map<?, ?> auth) {
    String name = (String) auth.get("name");
    String identity = identity(auth);
    boolean isTeacher = auth.get("token") != null && teacher.isToken(auth.get("token"));
    Member member =
        new Member(
            socketId,
            name,
            identity,
            isTeacher,
            new RateLimiter(BURST, REFILL_NANOS, ticker),
            new RateLimiter(EVENT_BURST, EVENT_REFILL_NANOS, ticker),
            new RateLimiter(PATIENCE, PATIENCE_REFILL_NANOS, ticker));
    member.mute(!isTeacher && sanctions.applies(Sanctions.Kind.MUTED, name, identity));
    // Checked again: another page may have taken the name since the middleware said yes.
    Optional<String> refusal = refusal(name, identity, isTeacher);
    Optional<Member> holder = refusal.isPresent() ? Optional.empty() : presence.add(member);
    if (holder.isPresent() && samePage(holder.get(), identity)) {
      // The same page again (a reload, or a reconnect before the old session timed out).
      disconnected(holder.get().id());
      delivery.disconnect(holder.get().id());
      holder = presence.add(member);
    }
    if (refusal.isPresent() || holder.isPresent()) {
      delivery.toSocket(socketId, "refused", refusal.orElse("that name is taken; choose another"));
      delivery.disconnect(socketId);
      return;
    }
    if (isTeacher) {
      teacherNames.add(member.skeleton());
    }
    reads.put(socketId, new ReadQueue(MAX_ROOMS_PER_MEMBER));
    if (Boolean.TRUE.equals(auth.get("roomDeltas"))) {
      delivery.join(socketId, RoomNews.DELTA_LISTENERS);
    }
    log.info("{} is in the chat{}", member.name(), isTeacher ? " (teacher view)" : "");
    delivery.toSocket(
        socketId,
        "welcome",
        Map.of(
            "id",
            socketId,
            "name",
            member.name(),
            "teacher",
            isTeacher,
            "muted",
            member.muted(),
            "maxLength",
            ChatRules.MAX_MESSAGE_LENGTH));
    news.roomsTo(socketId);
    news.roomsChanged();
  }

  void disconnected(String socketId) {
    Optional<Member> member = presence.find(socketId);
    reads.remove(socketId);
    Set<String> rooms = presence.remove(socketId);
    if (member.isEmpty()) {
      return;
    }
    log.info("{} left the chat", member.get().name());
    for (String room : rooms) {
      news.notice(room, member.get().name() + " left");
      news.membersTo(room);
    }
    news.roomsChanged();
  }

  private static boolean samePage(Member holder, String identity) {
    return identity != null && identity.equals(holder.identity());
  }

  private static String identity(Map<?, ?> auth) {
    return auth.get("identity") instanceof String identity ? identity : null;
  }

  /**
   * Enters a room and replies with its history: the recent messages when {@code afterOffset} is
   * null, else everything after that offset (what a reconnecting page missed). A page's reads run
   * one after the other ({@link ReadQueue}), so one page cannot fill the history thread.
   */
  private void join(Member member, Object room, Object afterOffset, Consumer<Object> reply) {
    Optional<String> badRoom = ChatRules.checkRoom(room);
    if (badRoom.isPresent()) {
      reply.accept(error(badRoom.get()));
      return;
    }
    String name = (String) room;
    boolean isNew = !member.rooms().contains(name);
    if (isNew && member.rooms().size() >= MAX_ROOMS_PER_MEMBER) {
      reply.accept(error("you are in " + MAX_ROOMS_PER_MEMBER + " rooms already; leave one first"));
      return;
    }
    if (isNew
        && !presence.roomCounts().containsKey(name)
        && presence.roomCounts().size() >= MAX_ROOMS) {
      reply.accept(error("the chat has " + MAX_ROOMS + " rooms already; join one of them"));
      return;
    }
    ReadQueue queue = reads.get(member.id());
    boolean queued = queue != null && queue.offer(() -> answerJoin(name, afterOffset, reply));
    if (!queued) {
      reply.accept(retryLater("wait for the rooms you asked for before asking for more"));
      return;
    }
    delivery.join(member.id(), name);
    if (presence.enter(member, name)) {
      news.noticeExcept(name, member.id(), member.name() + " joined");
      news.membersTo(name);
      news.roomsChanged();
    }
  }

  private CompletableFuture<?> answerJoin(String name, Object afterOffset, Consumer<Object> reply) {
    var query =
        afterOffset instanceof Number offset
            ? history.after(name, offset.longValue(), CATCH_UP)
            : history.recent(name, RECENT);
    return query
        .thenCombine(
            history.lastOffset(name),
            (messages, last) -> {
              // "more": a page that was away for long asks again from its new last offset.
              // "last": a page that saw higher offsets than this knows the history file was
              // replaced.
              boolean more = afterOffset instanceof Number && messages.size() == CATCH_UP;
              return Map.of(
                  "ok",
                  true,
                  "room",
                  name,
                  "more",
                  more,
                  "last",
                  last,
                  "history",
                  messages.stream().map(this::json).toList());
            })
        .whenComplete(
            (answer, failure) -> {
              if (failure != null) {
                log.warn("could not read the history of {}: {}", name, Replies.reason(failure));
                reply.accept(retryLater("the history of this room could not be read; try again"));
              } else {
                reply.accept(answer);
              }
            });
  }

  /**
   * The RECENT messages before {@code beforeOffset} of a room the page is in ("load earlier");
   * {@code more} if older remain. Queued with the page's other reads, like a join's.
   */
  private void earlier(Member member, Object room, Object beforeOffset, Consumer<Object> reply) {
    if (!(room instanceof String name)
        || !member.rooms().contains(name)
        || !(beforeOffset instanceof Number before)) {
      reply.accept(error("ask for the history of a room you are in: (room, beforeOffset)"));
      return;
    }
    ReadQueue queue = reads.get(member.id());
    boolean queued =
        queue != null && queue.offer(() -> answerEarlier(name, before.longValue(), reply));
    if (!queued) {
      reply.accept(retryLater("wait for the history you asked for before asking for more"));
    }
  }

  private CompletableFuture<?> answerEarlier(String name, long before, Consumer<Object> reply) {
    return history
        .before(name, before, RECENT)
        .whenComplete(
            (messages, failure) -> {
              if (failure != null) {
                log.warn("could not read the history of {}: {}", name, Replies.reason(failure));
                reply.accept(retryLater("the history of this room could not be read; try again"));
              } else {
                reply.accept(
                    Map.of(
                        "ok",
                        true,
                        "room",
                        name,
                        "more",
                        messages.size() == RECENT,
                        "history",
                        messages.stream().map(this::json).toList()));
              }
            });
  }

  private void leave(Member member, Object room, Consumer<Object> reply) {
    if (room instanceof String name && presence.exit(member, name)) {
      delivery.leave(member.id(), name);
      news.notice(name, member.name() + " left");
      news.membersTo(name);
      news.roomsChanged();
    }
    reply.accept(Replies.ok());
  }

  /**
   * Stores a message, then acknowledges it and sends it to the room: the ack means "on disk". A
   * retry of a stored message is acknowledged again but not sent twice.
   */
  private void message(Member member, Object payload, Consumer<Object> reply) {
    if (!(payload instanceof Map<?, ?> message)) {
      reply.accept(error("a message is {room, clientId, text}"));
      return;
    }
    Object room = message.get("room");
    Optional<String> problem =
        ChatRules.checkRoom(room)
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
      reply.accept(
          retryLater(
              "slow down: at most "
                  + BURST
                  + " messages in a row, then one every "
                  + TimeUnit.NANOSECONDS.toMillis(REFILL_NANOS)
                  + " ms"));
      return;
    }
    if (problem.isPresent()) {
      reply.accept(error(problem.get()));
      return;
    }
    history
        .append(
            (String) room,
            (String) message.get("clientId"),
            member.name(),
            (String) message.get("text"))
        .whenComplete(
            (appended, failure) -> {
              if (failure != null) {
                log.warn("message from {} not stored: {}", member.name(), Replies.reason(failure));
                reply.accept(
                    retryLater("the server could not store your message; it will be sent again"));
                return;
              }
              if (!appended.duplicate()) {
                delivery.toRoom((String) room, "chat", json(appended.message()));
              }
              reply.accept(Map.of("ok", true, "offset", appended.message().offset()));
            });
  }

  private void typing(Member member, Object room) {
    if (room instanceof String name && member.rooms().contains(name)) {
      delivery.toRoomExcept(
          name,
          member.id(),
          "typing",
          Map.of("room", name, "name", member.name(), "teacher", member.teacher()));
    }
  }

  /**
   * A private message goes to the target's own room (named after its socket id) and back to the
   * sender.
   */
  private void privateMessage(Member sender, Object payload, Consumer<Object> reply) {
    if (!(payload instanceof Map<?, ?> message)) {
      reply.accept(error("a private message is {to, text}"));
      return;
    }
    Optional<Member> target =
        message.get("to") instanceof String to ? presence.find(to) : Optional.empty();
    Optional<String> problem =
        ChatRules.checkText(message.get("text"))
            .or(
                () ->
                    target.isEmpty()
                        ? Optional.of("that person is no longer online")
                        : Optional.empty())
            .or(() -> sender.muted() ? Optional.of("the teacher has muted you") : Optional.empty())
            .or(
                () ->
                    sender.rateLimiter().tryAcquire()
                        ? Optional.empty()
                        : Optional.of("slow down"));
    if (problem.isPresent()) {
      reply.accept(error(problem.get()));
      return;
    }
    Map<String, Object> whisper = new LinkedHashMap<>();
    whisper.put("from", sender.name());
    whisper.put("fromId", sender.id());
    whisper.put("teacher", sender.teacher());
    whisper.put("toName", target.get().name());
    whisper.put("text", message.get("text"));
    whisper.put("at", clock.millis());
    delivery.toSocket(target.get().id(), "private", whisper);
    delivery.toSocket(sender.id(), "private", whisper);
    reply.accept(Replies.ok());
  }

  /** The member list of a room one is in; others' lists (and their socket ids) are not shown. */
  private void members(Member member, Object room, Consumer<Object> reply) {
    if (room instanceof String name && member.rooms().contains(name)) {
      news.membersTo(member.id(), name);
      reply.accept(Replies.ok());
    } else {
      reply.accept(error("join the room to see who is in it"));
    }
  }

  /** A message as pages get it; {@code teacher} says whether its sender's name is the teacher's. */
  Map<String, Object> json(ChatMessage message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("room", message.room());
    json.put("offset", message.offset());
    json.put("clientId", message.clientId());
    json.put("sender", message.sender());
    json.put("teacher", teacherNames.contains(NameSkeleton.of(message.sender())));
    json.put("text", message.text());
    json.put("at", message.sentAtMillis());
    return json;
  }
}
