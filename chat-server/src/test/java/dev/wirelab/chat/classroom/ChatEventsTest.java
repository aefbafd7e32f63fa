package dev.wirelab.chat.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wirelab.chat.classroom.store.HistoryService;
import dev.wirelab.chat.classroom.store.MessageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat's rules against students who try to break them: names, moderation that sticks, limits on
 * every event, the room list. A recording delivery, a hand-driven timer and clock, and a real
 * history file.
 */
class ChatEventsTest {
  private static final String TOKEN = "teacher-secret";

  @TempDir Path dir;
  private final RecordingDelivery delivery = new RecordingDelivery();
  private final List<Runnable> timers = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private HistoryService history;
  private ChatEvents chat;
  private int sockets;

  @BeforeEach
  void start() {
    history = new HistoryService(MessageStore.open(dir.resolve("chat.db")));
    chat =
        new ChatEvents(
            history,
            delivery,
            TOKEN,
            (delay, task) -> timers.add(task),
            Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC),
            nanos::get);
    delivery.onDisconnect(chat::disconnected);
  }

  @AfterEach
  void stop() {
    history.close();
  }

  @Test
  void namesAreUniqueByCaseAndByLookAlikeLetters() {
    assertThat(connect("Ann")).isPresent();
    assertThat(refusal(Map.of("name", "ANN")))
        .contains("that name is taken (by Ann); choose another");
    // Cyrillic А (U+0410).
    assertThat(refusal(Map.of("name", "\u0410nn")))
        .hasValueSatisfying(v -> assertThat(v).startsWith("that name is taken"));
    assertThat(refusal(Map.of("name", "Bob"))).isEmpty();
  }

  @Test
  void theTeachersNameIsTheTeachers() {
    assertThat(refusal(Map.of("name", "Teacher")))
        .contains("that name is the teacher's; choose another");
    // Cyrillic е (U+0435).
    assertThat(refusal(Map.of("name", "T\u0435acher")))
        .contains("that name is the teacher's; choose another");
    assertThat(refusal(Map.of("name", "teacher", "token", TOKEN))).isEmpty();

    String teacher = connect(Map.of("name", "Ms Smith", "token", TOKEN)).orElseThrow();
    delivery.disconnect(teacher);
    assertThat(refusal(Map.of("name", "ms smith")))
        .as("a name the teacher used stays the teacher's")
        .contains("that name is the teacher's; choose another");
  }

  @Test
  void theSamePageComingBackReplacesItsOldSession() {
    String first = connect(Map.of("name", "ann", "identity", "page-of-ann-1")).orElseThrow();
    assertThat(refusal(Map.of("name", "ann", "identity", "page-of-ann-1"))).isEmpty();
    String second = connect(Map.of("name", "ann", "identity", "page-of-ann-1")).orElseThrow();

    assertThat(delivery.disconnected).containsExactly(first);
    assertThat(delivery.to(second, "welcome")).hasSize(1);
    assertThat(refusal(Map.of("name", "ann", "identity", "someone-else")))
        .hasValueSatisfying(v -> assertThat(v).startsWith("that name is taken"));
  }

  @Test
  void aMuteOutlivesAReconnectAndANewName() {
    String teacher = connect(Map.of("name", "teacher", "token", TOKEN)).orElseThrow();
    String bob = connect(Map.of("name", "bob", "identity", "page-of-bob-1")).orElseThrow();
    assertThat(call(teacher, "mute", bob, true)).containsEntry("ok", true);
    delivery.disconnect(bob);

    String again = connect(Map.of("name", "bob")).orElseThrow();
    assertThat(welcome(again)).containsEntry("muted", true);
    call(again, "join", "lobby", null);
    assertThat(call(again, "message", message("lobby", "m1", "hi")))
        .containsEntry("error", "the teacher has muted you");
    delivery.disconnect(again);

    String renamed = connect(Map.of("name", "robert", "identity", "page-of-bob-1")).orElseThrow();
    assertThat(welcome(renamed)).containsEntry("muted", true);
    assertThat(call(teacher, "sanctions")).containsEntry("muted", List.of("bob"));

    assertThat(call(teacher, "mute", renamed, false)).containsEntry("ok", true);
    delivery.disconnect(renamed);
    assertThat(welcome(connect(Map.of("name", "bob")).orElseThrow())).containsEntry("muted", false);
  }

  @Test
  void aKickLastsUntilTheTeacherLiftsIt() {
    String teacher = connect(Map.of("name", "teacher", "token", TOKEN)).orElseThrow();
    String bob = connect(Map.of("name", "bob", "identity", "page-of-bob-1")).orElseThrow();
    assertThat(call(bob, "kick", teacher)).containsEntry("error", "only the teacher can do that");
    assertThat(call(teacher, "kick", bob)).containsEntry("ok", true);
    assertThat(delivery.disconnected).containsExactly(bob);

    String removed = "the teacher has removed you from this chat";
    assertThat(refusal(Map.of("name", "bob"))).contains(removed);
    assertThat(refusal(Map.of("name", "BOB"))).contains(removed);
    assertThat(refusal(Map.of("name", "bobby", "identity", "page-of-bob-1"))).contains(removed);
    assertThat(refusal(Map.of("name", "bobby"))).isEmpty();
    assertThat(call(teacher, "sanctions")).containsEntry("kicked", List.of("bob"));

    assertThat(call(teacher, "unkick", "Bob")).containsEntry("ok", true);
    assertThat(refusal(Map.of("name", "bob", "identity", "page-of-bob-1"))).isEmpty();
  }

  @Test
  void everyPayloadWithASenderSaysWhetherItIsTheTeacher() {
    String teacher = connect(Map.of("name", "teacher", "token", TOKEN)).orElseThrow();
    String ann = connect("ann").orElseThrow();
    call(teacher, "join", "lobby", null);
    call(ann, "join", "lobby", null);

    call(teacher, "private", whisper("ann", "t0", "see me after class"));
    call(ann, "private", whisper("teacher", "a0", "ok"));
    assertThat(delivery.to(ann, "private"))
        .extracting(ChatEventsTest::teacherFlag)
        .containsExactly(true, false);

    call(teacher, "message", message("lobby", "t1", "quiet please"));
    call(ann, "message", message("lobby", "a1", "sorry"));
    assertThat(delivery.to(ann, "chat"))
        .extracting(ChatEventsTest::teacherFlag)
        .containsExactly(true, false);
    Map<String, Object> joined = call(connect("bob").orElseThrow(), "join", "lobby", null);
    assertThat((List<?>) joined.get("history"))
        .extracting(ChatEventsTest::teacherFlag)
        .as("history too")
        .containsExactly(true, false);

    chat.onEvent(teacher, "typing", List.of("lobby"), reply -> {});
    assertThat(delivery.to(ann, "typing"))
        .extracting(ChatEventsTest::teacherFlag)
        .containsExactly(true);
  }

  @Test
  void aPrivateConversationIsStoredAndComesBackAfterAReconnect() {
    String teacher = connect(Map.of("name", "Ms Smith", "token", TOKEN)).orElseThrow();
    String ann = connect(Map.of("name", "ann", "identity", "page-of-ann-1")).orElseThrow();
    assertThat(call(teacher, "private", whisper("ANN", "t1", "see me after class")))
        .containsEntry("ok", true)
        .containsEntry("offset", 1L);
    assertThat(call(ann, "private", whisper("ms smith", "a1", "ok"))).containsEntry("offset", 2L);
    assertThat(call(ann, "private", whisper("ms smith", "a1", "ok")))
        .as("a retry is acknowledged again")
        .containsEntry("offset", 2L);
    assertThat(delivery.to(ann, "private"))
        .as("and not sent twice; each side is told whom the conversation is with")
        .extracting(p -> ((Map<?, ?>) p).get("text"), p -> ((Map<?, ?>) p).get("with"))
        .containsExactly(tuple("see me after class", "Ms Smith"), tuple("ok", "Ms Smith"));
    assertThat(field(delivery.to(teacher, "private"), "with")).containsExactly("ann", "ann");

    delivery.disconnect(ann);
    String again = connect(Map.of("name", "ann", "identity", "page-of-ann-1")).orElseThrow();
    assertThat(call(again, "threads"))
        .containsEntry("threads", List.of(Map.of("with", "Ms Smith", "teacher", true)));
    Map<String, Object> thread = call(again, "thread", "Ms Smith", null);
    assertThat(thread).containsEntry("with", "Ms Smith").containsEntry("last", 2L);
    assertThat((List<?>) thread.get("history"))
        .extracting(m -> ((Map<?, ?>) m).get("text"), ChatEventsTest::teacherFlag)
        .containsExactly(tuple("see me after class", true), tuple("ok", false));
    assertThat(field(call(again, "thread", "ms smith", 1).get("history"), "text"))
        .as("after an offset, like a room's")
        .containsExactly("ok");
    assertThat(field(call(again, "history", "@Ms Smith", 2).get("history"), "text"))
        .as("load earlier, like a room's")
        .containsExactly("see me after class");
    assertThat(call(teacher, "threads"))
        .containsEntry("threads", List.of(Map.of("with", "ann", "teacher", false)));
  }

  @Test
  void nobodyElseReadsAPrivateConversation() {
    String ann = connect(Map.of("name", "ann", "identity", "page-of-ann-1")).orElseThrow();
    String bob = connect(Map.of("name", "bob", "identity", "page-of-bob-1")).orElseThrow();
    String carol = connect(Map.of("name", "carol", "identity", "page-of-carol")).orElseThrow();
    call(ann, "private", whisper("bob", "a1", "my password is hunter2"));

    assertThat(delivery.to(carol, "private")).isEmpty();
    assertThat(call(carol, "threads")).containsEntry("threads", List.of());
    assertThat((List<?>) call(carol, "thread", "bob", null).get("history"))
        .as("carol asking for bob gets her own conversation with bob: empty")
        .isEmpty();
    assertThat((List<?>) call(carol, "history", "@ann", 100).get("history")).isEmpty();
    assertThat(call(carol, "history", "@<script>", 1))
        .hasEntrySatisfying("error", e -> assertThat((String) e).startsWith("ask for the history"));

    // ann goes home; carol's friend logs in as "ann" from another browser.
    delivery.disconnect(ann);
    String impostor = connect(Map.of("name", "Ann", "identity", "page-of-someone")).orElseThrow();
    String notYours = "that private conversation belongs to whoever had your name when it began";
    assertThat(call(impostor, "threads")).containsEntry("threads", List.of());
    assertThat(call(impostor, "thread", "bob", null)).containsEntry("error", notYours);
    assertThat(call(impostor, "history", "@bob", 100)).containsEntry("error", notYours);
    assertThat(call(impostor, "private", whisper("bob", "i1", "what was it again?")))
        .containsEntry("error", notYours);
    assertThat(call(bob, "private", whisper("ann", "b1", "ann?")))
        .containsEntry("error", "the Ann online now is not the one this conversation is with");
    assertThat(delivery.to(impostor, "private")).isEmpty();
    String noIdentity = "ann";
    delivery.disconnect(impostor);
    String bare = connect(Map.of("name", noIdentity)).orElseThrow();
    assertThat(call(bare, "thread", "bob", null))
        .as("a page without an identity is not the one that had one")
        .containsEntry("error", notYours);
  }

  @Test
  void privateMessagesFollowTheRules() {
    String ann = connect("ann").orElseThrow();
    assertThat(call(ann, "private", whisper("nobody", "a1", "hi")))
        .containsEntry("error", "that person is not online");
    assertThat(call(ann, "private", whisper("ANN", "a2", "hi")))
        .containsEntry("error", "that is you; choose someone else");
    assertThat(call(ann, "private", Map.of("to", "ann", "text", "no id")))
        .hasEntrySatisfying(
            "error", e -> assertThat((String) e).startsWith("a message needs a client id"));
    assertThat(call(ann, "private", "text"))
        .containsEntry("error", "a private message is {to, clientId, text}");
    connect("bob");
    for (int i = 0; i < ChatEvents.BURST; i++) {
      assertThat(call(ann, "private", whisper("bob", "b" + i, "m" + i))).containsEntry("ok", true);
    }
    assertThat(call(ann, "private", whisper("bob", "b-over", "one too many")))
        .as("retryable, as a room message: the page's outbox keeps the order")
        .containsEntry("retry", true);
  }

  @Test
  void membersAreShownOnlyToMembersOfTheRoom() {
    String ann = connect("ann").orElseThrow();
    String eve = connect("eve").orElseThrow();
    call(ann, "join", "secret", null);

    assertThat(call(eve, "members", "secret"))
        .containsEntry("error", "join the room to see who is in it");
    assertThat(delivery.to(eve, "members")).isEmpty();
    assertThat(call(ann, "members", "secret")).containsEntry("ok", true);
  }

  @Test
  void everyEventIsRateLimitedAndAFlooderIsCut() {
    String eve = connect("eve").orElseThrow();
    for (int i = 0; i < ChatEvents.EVENT_BURST; i++) {
      assertThat(call(eve, "leave", "nowhere")).containsEntry("ok", true);
    }
    assertThat(call(eve, "leave", "nowhere"))
        .containsEntry("retry", true)
        .hasEntrySatisfying("error", e -> assertThat((String) e).startsWith("slow down"));
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
    assertThat(call(eve, "leave", "nowhere")).containsEntry("ok", true);

    // One refusal above; the rest of the patience, then the cut.
    for (int i = 1; i < ChatEvents.PATIENCE; i++) {
      assertThat(call(eve, "rooms")).containsEntry("retry", true);
    }
    assertThat(delivery.disconnected).isEmpty();
    chat.onEvent(eve, "rooms", List.of(), reply -> {});
    assertThat(delivery.disconnected).containsExactly(eve);
    assertThat(call(eve, "rooms")).containsEntry("error", "not connected");
  }

  @Test
  void roomsPerMemberAreBounded() {
    String ann = connect("ann").orElseThrow();
    for (int i = 0; i < ChatEvents.MAX_ROOMS_PER_MEMBER; i++) {
      assertThat(call(ann, "join", "r" + i, null)).containsEntry("ok", true);
      nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
    }
    assertThat(call(ann, "join", "one-more", null))
        .containsEntry("error", "you are in 10 rooms already; leave one first");
    call(ann, "leave", "r0");
    assertThat(call(ann, "join", "one-more", null)).containsEntry("ok", true);
  }

  @Test
  void theRoomListIsSentOncePerWindowAndAsDeltasToPagesThatAsk() {
    String listener = connect(Map.of("name", "listener", "roomDeltas", true)).orElseThrow();
    String old = connect("old page").orElseThrow();
    runTimers();
    long before = delivery.count("rooms");
    List<Object> deltasBefore = delivery.to(listener, "roomsDelta");

    List<String> crowd = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      crowd.add(connect("s" + i).orElseThrow());
    }
    for (String s : crowd) {
      call(s, "join", "maths", null);
    }
    assertThat(delivery.count("rooms"))
        .as("each page gets the list when it connects")
        .isEqualTo(before + crowd.size());
    assertThat(timers).as("one flush for all those changes").hasSize(1);
    runTimers();

    assertThat(delivery.to(old, "rooms"))
        .last()
        .isEqualTo(
            List.of(Map.of("name", "lobby", "members", 0), Map.of("name", "maths", "members", 50)));
    List<Object> deltas = delivery.to(listener, "roomsDelta");
    assertThat(deltas).hasSize(deltasBefore.size() + 1);
    assertThat(deltas)
        .last()
        .isEqualTo(
            Map.of(
                "changed", List.of(Map.of("name", "maths", "members", 50)), "removed", List.of()));
    assertThat(delivery.to(listener, "rooms"))
        .as("a delta page gets no full lists but its first")
        .hasSize(1);

    crowd.forEach(delivery::disconnect);
    runTimers();
    assertThat(delivery.to(listener, "roomsDelta"))
        .last()
        .isEqualTo(Map.of("changed", List.of(), "removed", List.of("maths")));
  }

  @Test
  void aPagesHistoryReadsRunOneAtATime() {
    ReadQueue queue = new ReadQueue(2);
    List<CompletableFuture<Void>> reads = new ArrayList<>();
    List<Integer> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      assertThat(
              queue.offer(
                  () -> {
                    started.add(n);
                    CompletableFuture<Void> read = new CompletableFuture<>();
                    reads.add(read);
                    return read;
                  }))
          .isTrue();
    }
    assertThat(queue.offer(CompletableFuture::new))
        .as("capacity 2 behind the running one")
        .isFalse();
    assertThat(started).containsExactly(0);
    reads
        .get(0)
        .completeExceptionally(new IllegalStateException("a failed read frees the queue too"));
    assertThat(started).containsExactly(0, 1);
    reads.get(1).complete(null);
    assertThat(started).containsExactly(0, 1, 2);
  }

  private void runTimers() {
    List<Runnable> due = new ArrayList<>(timers);
    timers.clear();
    due.forEach(Runnable::run);
  }

  private Optional<String> refusal(Map<String, Object> auth) {
    return chat.refuse(auth);
  }

  private Optional<String> connect(String name) {
    return connect(Map.of("name", name));
  }

  /** The middleware, then the connection listener, as SocketIoDelivery runs them. */
  private Optional<String> connect(Map<String, Object> auth) {
    Optional<String> refusal = chat.refuse(auth);
    if (refusal.isPresent()) {
      return Optional.empty();
    }
    String id = "socket" + sockets++;
    delivery.join(id, id);
    chat.connected(id, auth);
    return Optional.of(id);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> welcome(String socketId) {
    return (Map<String, Object>) delivery.to(socketId, "welcome").get(0);
  }

  private static Object teacherFlag(Object payload) {
    return ((Map<?, ?>) payload).get("teacher");
  }

  /** One field of each message in a list of them. */
  private static List<Object> field(Object messages, String key) {
    return ((List<?>) messages).stream().<Object>map(m -> ((Map<?, ?>) m).get(key)).toList();
  }

  private static Map<String, Object> whisper(String to, String clientId, String text) {
    return Map.of("to", to, "clientId", clientId, "text", text);
  }

  private static Map<String, Object> message(String room, String clientId, String text) {
    return Map.of("room", room, "clientId", clientId, "text", text);
  }

  /** Sends an event and waits (bounded) for its ack. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> call(String socketId, String event, Object... args) {
    CompletableFuture<Object> ack = new CompletableFuture<>();
    List<Object> list = new ArrayList<>();
    for (Object arg : args) {
      list.add(arg);
    }
    chat.onEvent(socketId, event, list, ack::complete);
    try {
      return (Map<String, Object>) ack.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no ack for " + event, e);
    }
  }
}
