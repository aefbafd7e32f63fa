package dev.wirelab.chat.classroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageStoreTest {
  @TempDir Path dir;

  @Test
  void offsetsCountUpPerRoomAndSurviveReopening() {
    try (MessageStore store = MessageStore.open(dir.resolve("chat.db"))) {
      assertThat(store.append("lobby", "a1", "ann", "hello", 1).message().offset()).isEqualTo(1);
      assertThat(store.append("lobby", "a2", "ann", "again", 2).message().offset()).isEqualTo(2);
      assertThat(store.append("physics", "b1", "bob", "hi", 3).message().offset()).isEqualTo(1);
    }
    try (MessageStore store = MessageStore.open(dir.resolve("chat.db"))) {
      assertThat(store.append("lobby", "a3", "ann", "third", 4).message().offset()).isEqualTo(3);
      assertThat(store.after("lobby", 1, 100))
          .extracting(ChatMessage::text)
          .containsExactly("again", "third");
      assertThat(store.recent("lobby", 2)).extracting(ChatMessage::offset).containsExactly(2L, 3L);
    }
  }

  @Test
  void aPrivateConversationHasItsOwnOffsetsAndSidesThatSurviveReopening() {
    String key = MessageStore.conversationKey("bob", "ann");
    assertThat(MessageStore.conversationKey("ann", "bob")).isEqualTo(key);
    MessageStore.Party ann = new MessageStore.Party("ann", "Ann", "page-of-ann");
    MessageStore.Party bob = new MessageStore.Party("bob", "bob", null);
    try (MessageStore store = MessageStore.open(dir.resolve("chat.db"))) {
      store.append("lobby", "l1", "Ann", "in the room", 1);
      assertThat(store.appendPrivate(key, ann, bob, "p1", "psst", 2).message().offset())
          .isEqualTo(1);
      MessageStore.Party otherAnn = new MessageStore.Party("ann", "ANN", "someone-else");
      assertThat(store.appendPrivate(key, bob, otherAnn, "p2", "yes?", 3).message().offset())
          .isEqualTo(2);
      assertThat(store.appendPrivate(key, ann, bob, "p1", "psst", 4).duplicate()).isTrue();
    }
    try (MessageStore store = MessageStore.open(dir.resolve("chat.db"))) {
      assertThat(store.after(key, 0, 10))
          .extracting(ChatMessage::sender, ChatMessage::text)
          .containsExactly(tuple("Ann", "psst"), tuple("bob", "yes?"));
      assertThat(store.parties(key))
          .as("a side is held by whoever had the name at the first message")
          .containsExactlyInAnyOrder(ann, bob);
      assertThat(store.conversationsOf("ann"))
          .containsExactly(new MessageStore.Conversation(key, ann, bob));
      assertThat(store.conversationsOf("carol")).isEmpty();
      assertThat(store.after("lobby", 0, 10))
          .extracting(ChatMessage::text)
          .containsExactly("in the room");
      assertThat(store.parties(MessageStore.conversationKey("ann", "carol"))).isEmpty();
    }
  }

  @Test
  void beforeGivesTheNewestMessagesBelowAnOffsetOldestFirst() {
    try (MessageStore store = MessageStore.open(dir.resolve("chat.db"))) {
      for (int i = 1; i <= 5; i++) {
        store.append("lobby", "c" + i, "ann", "m" + i, i);
      }
      store.append("physics", "p1", "bob", "elsewhere", 6);
      assertThat(store.before("lobby", 5, 2))
          .extracting(ChatMessage::text)
          .containsExactly("m3", "m4");
      assertThat(store.before("lobby", 2, 10)).extracting(ChatMessage::text).containsExactly("m1");
      assertThat(store.before("lobby", 1, 10)).isEmpty();
    }
  }

  @Test
  void aRetriedClientIdIsStoredOnce() {
    try (MessageStore store = MessageStore.open(dir.resolve("chat.db"))) {
      MessageStore.Appended first = store.append("lobby", "retry-me", "ann", "hello", 1);
      MessageStore.Appended retry = store.append("lobby", "retry-me", "ann", "hello", 99);

      assertThat(first.duplicate()).isFalse();
      assertThat(retry.duplicate()).isTrue();
      assertThat(retry.message()).isEqualTo(first.message());
      assertThat(store.after("lobby", 0, 100)).hasSize(1);
      assertThat(store.lastOffset("lobby")).isEqualTo(1);
    }
  }

  @Test
  void clearingARoomKeepsItsOffsetsGoingUp() {
    try (MessageStore store = MessageStore.open(dir.resolve("chat.db"))) {
      store.append("lobby", "a1", "ann", "one", 1);
      store.append("lobby", "a2", "ann", "two", 2);

      assertThat(store.clear("lobby")).isEqualTo(2);
      assertThat(store.recent("lobby", 10)).isEmpty();
      assertThat(store.append("lobby", "a3", "ann", "three", 3).message().offset()).isEqualTo(3);
    }
  }

  @Test
  void aFullDatabaseRefusesTheMessageInOneLineAndKeepsTheOthers() {
    try (MessageStore store = MessageStore.open(dir.resolve("chat.db"), 64 * 1024)) {
      String big = "x".repeat(2_000);
      int stored = 0;
      StoreException full = null;
      for (int i = 0; i < 1_000 && full == null; i++) {
        try {
          store.append("lobby", "m" + i, "ann", big, i);
          stored++;
        } catch (StoreException e) {
          full = e;
        }
      }

      assertThat(full).isNotNull();
      assertThat(full.getMessage())
          .startsWith("could not store the message: ")
          .contains("full")
          .doesNotContain("\n");
      assertThat(store.after("lobby", 0, 10_000)).hasSize(stored);
    }
  }

  @Test
  void aDirectoryCannotBeOpenedAsHistory() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("not-a-file"));

    assertThatThrownBy(() -> MessageStore.open(directory))
        .isInstanceOf(StoreException.class)
        .hasMessage("cannot open the chat history " + directory + ": it is a directory");
  }

  @Test
  void retriesReturnTheFirstCopyEvenWhenOtherMessagesCameBetween() {
    try (MessageStore store = MessageStore.open(dir.resolve("chat.db"))) {
      store.append("lobby", "x", "ann", "first", 1);
      store.append("lobby", "y", "bob", "second", 2);

      ChatMessage retried = store.append("lobby", "x", "ann", "first", 3).message();

      assertThat(retried.offset()).isEqualTo(1);
      List<ChatMessage> all = store.after("lobby", 0, 10);
      assertThat(all).extracting(ChatMessage::clientId).containsExactly("x", "y");
    }
  }

  @Test
  void theSizeLimitCountsTheWriteAheadLog() throws Exception {
    Path file = dir.resolve("chat.db");
    long limit = 1024 * 1024;
    try (MessageStore store = MessageStore.open(file, limit)) {
      boolean full = false;
      for (int i = 0; i < 5_000 && !full; i++) {
        try {
          store.append("lobby", "c" + i, "ann", "x".repeat(400), i);
        } catch (StoreException e) {
          full = true;
        }
      }
      assertThat(full).isTrue();
      long onDisk = Files.size(file) + Files.size(dir.resolve("chat.db-wal"));
      assertThat(onDisk).as("database and log together").isLessThanOrEqualTo(limit + 64 * 1024);
    }
  }

  @Test
  void aSecondServerOnTheSameHistoryIsRefusedInOneLine() {
    Path file = dir.resolve("chat.db");
    try (MessageStore first = MessageStore.open(file)) {
      assertThatThrownBy(() -> MessageStore.open(file))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "the chat history "
                  + file.toAbsolutePath()
                  + " is in use by another chat (stop it, or choose another file with --db)");
    }
    MessageStore.open(file).close();
  }

  @Test
  void aFileDamagedInTheMiddleIsNoticedAtStart() throws Exception {
    Path file = dir.resolve("chat.db");
    try (MessageStore store = MessageStore.open(file)) {
      for (int i = 0; i < 500; i++) {
        store.append("lobby", "c" + i, "ann", "message number " + i + " " + "y".repeat(200), i);
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).isGreaterThan(40_000);
    java.util.Arrays.fill(bytes, 16 * 4096, 17 * 4096, (byte) 0x5a);
    Files.write(file, bytes);

    assertThatThrownBy(() -> MessageStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("the chat history " + file.toAbsolutePath() + " is damaged (")
        .hasMessageEndingWith("); restore a copy, or choose another file with --db");
  }
}
