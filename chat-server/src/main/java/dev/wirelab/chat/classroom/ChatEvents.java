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
import dev.wirelab.chat.classroom.store.MessageStore;
import dev.wirelab.chat.classroom.store.MessageStore.Party;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
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
          "history",
          "thread",
          "threads");

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
  private final LongSupplier ticker;

  /**
   * @param scheduler runs the room list's coalesced sends
   * @param clock the time stamped on notices
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
      case "thread" -> thread(member.get(), first, second, ack);
      case "threads" -> threads(member.get(), ack);
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
    if (!queueRead(
        member,
        () -> answerJoin(name, afterOffset, "room", name, reply),
        reply,
        "wait for the rooms you asked for before asking for more")) {
      return;
    }
    delivery.join(member.id(), name);
    if (presence.enter(member, name)) {
      news.noticeExcept(name, member.id(), member.name() + " joined");
      news.membersTo(name);
      news.roomsChanged();
    }
  }

  /**
   * The history of a room or private conversation ({@code key}) after an offset or the recent one,
   * answered with {@code label: value} saying which it is.
   */
  private CompletableFuture<?> answerJoin(
      String key, Object afterOffset, String label, String value, Consumer<Object> reply) {
    var query =
        afterOffset instanceof Number offset
            ? history.after(key, offset.longValue(), CATCH_UP)
            : history.recent(key, RECENT);
    return query
        .thenCombine(
            history.lastOffset(key),
            (messages, last) -> {
              // "more": a page that was away for long asks again from its new last offset.
              // "last": a page that saw higher offsets than this knows the history file was
              // replaced.
              boolean more = afterOffset instanceof Number && messages.size() == CATCH_UP;
              return Map.of(
                  "ok",
                  true,
                  label,
                  value,
                  "more",
                  more,
                  "last",
                  last,
                  "history",
                  messages.stream().map(message -> json(message, label, value)).toList());
            })
        .whenComplete(
            (answer, failure) -> {
              if (failure != null) {
                log.warn("could not read the history of {}: {}", value, Replies.reason(failure));
                reply.accept(retryLater("the history of this room could not be read; try again"));
              } else {
                reply.accept(answer);
              }
            });
  }

  /**
   * The RECENT messages before {@code beforeOffset} of a room the page is in, or of one of its
   * private conversations ({@code "@" + the other's name}): "load earlier"; {@code more} if older
   * remain. Queued with the page's other reads, like a join's.
   */
  private void earlier(Member member, Object room, Object beforeOffset, Consumer<Object> reply) {
    boolean isPrivate = room instanceof String key && key.startsWith("@");
    if (!(room instanceof String name)
        || !(isPrivate
            ? ChatRules.checkName(name.substring(1)).isEmpty()
            : member.rooms().contains(name))
        || !(beforeOffset instanceof Number before)) {
      reply.accept(
          error(
              "ask for the history of a room you are in or of a private conversation: (room or"
                  + " @name, beforeOffset)"));
      return;
    }
    queueRead(
        member,
        isPrivate
            ? () ->
                whenAdmitted(
                    member,
                    name.substring(1),
                    reply,
                    (key, peer) -> answerEarlier(key, before.longValue(), "with", peer, reply))
            : () -> answerEarlier(name, before.longValue(), "room", name, reply),
        reply,
        HISTORY_QUEUE_FULL);
  }

  private CompletableFuture<?> answerEarlier(
      String key, long before, String label, String value, Consumer<Object> reply) {
    return history
        .before(key, before, RECENT)
        .whenComplete(
            (messages, failure) -> {
              if (failure != null) {
                log.warn("could not read the history of {}: {}", value, Replies.reason(failure));
                reply.accept(retryLater("the history of this room could not be read; try again"));
              } else {
                reply.accept(
                    Map.of(
                        "ok",
                        true,
                        label,
                        value,
                        "more",
                        messages.size() == RECENT,
                        "history",
                        messages.stream().map(message -> json(message, label, value)).toList()));
              }
            });
  }

  /**
   * A private conversation's history, like a room's on join: the recent messages, or those after
   * {@code afterOffset}; only for its two sides.
   */
  private void thread(Member member, Object peer, Object afterOffset, Consumer<Object> reply) {
    if (ChatRules.checkName(peer).isPresent()) {
      reply.accept(
          error("ask for a private conversation by the other's name: (name, afterOffset)"));
      return;
    }
    queueRead(
        member,
        () ->
            whenAdmitted(
                member,
                (String) peer,
                reply,
                (key, name) -> answerJoin(key, afterOffset, "with", name, reply)),
        reply,
        HISTORY_QUEUE_FULL);
  }

  /** The people one has private conversations with, so a page on a new load lists them. */
  private void threads(Member member, Consumer<Object> reply) {
    Supplier<CompletableFuture<?>> read =
        () ->
            history
                .conversationsOf(member.skeleton())
                .whenComplete(
                    (conversations, failure) -> {
                      if (failure != null) {
                        log.warn(
                            "could not read the private conversations of {}: {}",
                            member.name(),
                            Replies.reason(failure));
                        reply.accept(retryLater("your private conversations could not be read"));
                        return;
                      }
                      reply.accept(
                          Map.of(
                              "ok",
                              true,
                              "threads",
                              conversations.stream()
                                  .filter(c -> admitted(member, List.of(c.mine())))
                                  .map(
                                      c ->
                                          Map.of(
                                              "with",
                                              c.peer().name(),
                                              "teacher",
                                              teacherNames.contains(c.peer().skeleton())))
                                  .toList()));
                    });
    queueRead(member, read, reply, HISTORY_QUEUE_FULL);
  }

  private static final String HISTORY_QUEUE_FULL =
      "wait for the history you asked for before asking for more";

  /**
   * Queues one of the page's history reads behind its others; when its queue is full, tells the
   * page to ask again later and returns false.
   */
  private boolean queueRead(
      Member member,
      Supplier<? extends CompletionStage<?>> read,
      Consumer<Object> reply,
      String whenFull) {
    ReadQueue queue = reads.get(member.id());
    if (queue != null && queue.offer(read)) {
      return true;
    }
    reply.accept(retryLater(whenFull));
    return false;
  }

  /** What to do with a private conversation once its sides are known to include the member. */
  private interface ConversationRead {
    CompletableFuture<?> read(String key, String peerName);
  }

  /**
   * Runs {@code then} on the conversation between the member and {@code peer} if the member holds
   * its side; else answers that it is someone else's. The peer's name is as stored, if it is.
   */
  private CompletableFuture<?> whenAdmitted(
      Member member, String peer, Consumer<Object> reply, ConversationRead then) {
    String peerSkeleton = NameSkeleton.of(peer);
    String key = MessageStore.conversationKey(member.skeleton(), peerSkeleton);
    return history
        .parties(key)
        .thenCompose(
            parties -> {
              if (!admitted(member, parties)) {
                reply.accept(error(NOT_YOURS));
                return CompletableFuture.completedFuture(null);
              }
              String name =
                  parties.stream()
                      .filter(p -> p.skeleton().equals(peerSkeleton))
                      .map(Party::name)
                      .findFirst()
                      .orElse(peer);
              return then.read(key, name);
            })
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                log.warn(
                    "could not read a private conversation of {}: {}",
                    member.name(),
                    Replies.reason(failure));
                reply.accept(retryLater("this private conversation could not be read; try again"));
              }
            });
  }

  private static final String NOT_YOURS =
      "that private conversation belongs to whoever had your name when it began";

  /**
   * Whether a member holds their side of a private conversation: the teacher always (the token says
   * who they are); a student only from the page that held the name when it began, so a student who
   * takes a name after its owner left cannot read what was said to the owner.
   */
  private static boolean admitted(Member member, List<Party> parties) {
    return member.teacher()
        || parties.stream()
            .filter(party -> party.skeleton().equals(member.skeleton()))
            .allMatch(
                party -> party.identity() == null || party.identity().equals(member.identity()));
  }

  private static Party party(Member member) {
    // The teacher is known by the token, not by a page: any of the teacher's pages is the teacher.
    return new Party(member.skeleton(), member.name(), member.teacher() ? null : member.identity());
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
      reply.accept(slowDown());
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

  /** Retryable: the page keeps the message and sends it again a little later. */
  private static Map<String, Object> slowDown() {
    return retryLater(
        "slow down: at most "
            + BURST
            + " messages in a row, then one every "
            + TimeUnit.NANOSECONDS.toMillis(REFILL_NANOS)
            + " ms");
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
   * A private message is stored, like a room's, in the conversation of its two names, then sent to
   * both pages (the target's own room is named after its socket id) and acknowledged with its
   * offset. A retry of a stored message is acknowledged again but not sent twice.
   */
  private void privateMessage(Member sender, Object payload, Consumer<Object> reply) {
    if (!(payload instanceof Map<?, ?> message)) {
      reply.accept(error("a private message is {to, clientId, text}"));
      return;
    }
    Optional<Member> target =
        message.get("to") instanceof String to ? presence.named(to) : Optional.empty();
    Optional<String> problem =
        ChatRules.checkClientId(message.get("clientId"))
            .or(() -> ChatRules.checkText(message.get("text")))
            .or(
                () ->
                    target.isEmpty() ? Optional.of("that person is not online") : Optional.empty())
            .or(
                () ->
                    target.get() == sender
                        ? Optional.of("that is you; choose someone else")
                        : Optional.empty())
            .or(() -> sender.muted() ? Optional.of("the teacher has muted you") : Optional.empty());
    if (problem.isPresent()) {
      reply.accept(error(problem.get()));
      return;
    }
    if (!sender.rateLimiter().tryAcquire()) {
      reply.accept(slowDown());
      return;
    }
    Member to = target.get();
    String key = MessageStore.conversationKey(sender.skeleton(), to.skeleton());
    history
        .parties(key)
        .thenCompose(
            parties -> {
              if (!admitted(sender, parties)) {
                return CompletableFuture.completedFuture(error(NOT_YOURS));
              }
              if (!admitted(to, parties)) {
                return CompletableFuture.completedFuture(
                    error(
                        "the "
                            + to.name()
                            + " online now is not the one this conversation is with"));
              }
              return history
                  .appendPrivate(
                      key,
                      party(sender),
                      party(to),
                      (String) message.get("clientId"),
                      (String) message.get("text"))
                  .thenApply(
                      appended -> {
                        if (!appended.duplicate()) {
                          ChatMessage stored = appended.message();
                          delivery.toSocket(
                              to.id(), "private", json(stored, "with", sender.name()));
                          delivery.toSocket(
                              sender.id(), "private", json(stored, "with", to.name()));
                        }
                        return Map.of("ok", true, "offset", appended.message().offset());
                      });
            })
        .whenComplete(
            (answer, failure) -> {
              if (failure != null) {
                log.warn(
                    "private message from {} not stored: {}",
                    sender.name(),
                    Replies.reason(failure));
                reply.accept(
                    retryLater("the server could not store your message; it will be sent again"));
              } else {
                reply.accept(answer);
              }
            });
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

  /** A room's message as pages get it. */
  Map<String, Object> json(ChatMessage message) {
    return json(message, "room", message.room());
  }

  /**
   * A message as pages get it, {@code label: value} saying where it belongs: {@code room}, or
   * {@code with} and the other's name for a private one (whose stored key is not for pages); {@code
   * teacher} says whether its sender's name is the teacher's.
   */
  private Map<String, Object> json(ChatMessage message, String label, String value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(label, value);
    json.put("offset", message.offset());
    json.put("clientId", message.clientId());
    json.put("sender", message.sender());
    json.put("teacher", teacherNames.contains(NameSkeleton.of(message.sender())));
    json.put("text", message.text());
    json.put("at", message.sentAtMillis());
    return json;
  }
}
