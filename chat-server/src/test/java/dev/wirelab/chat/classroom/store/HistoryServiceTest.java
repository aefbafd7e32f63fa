package dev.wirelab.chat.classroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryServiceTest {
  @TempDir Path dir;

  @Test
  void aFullQueueRefusesAtOnceAndServesWhatItTook() throws Exception {
    Path file = dir.resolve("chat.db");
    try (HistoryService history = new HistoryService(MessageStore.open(file), 1);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      List<CompletableFuture<MessageStore.Appended>> sends = new ArrayList<>();
      try (Statement lock = other.createStatement()) {
        // Another writer holds the file: the history thread waits on its first append.
        lock.execute("BEGIN EXCLUSIVE");
        for (int i = 0; i < 3; i++) {
          sends.add(history.append("lobby", "c" + i, "ann", "hi " + i));
        }
        List<String> refusals = new ArrayList<>();
        for (CompletableFuture<MessageStore.Appended> send : sends) {
          if (send.isCompletedExceptionally()) {
            refusals.add(reason(send));
          }
        }
        assertThat(refusals)
            .as("one running, one waiting, the rest refused at once")
            .isNotEmpty()
            .allMatch(r -> r.equals("the history is busy: too many requests are waiting"));
        lock.execute("COMMIT");
      }
      long stored = 0;
      for (CompletableFuture<MessageStore.Appended> send : sends) {
        try {
          send.get(10, TimeUnit.SECONDS);
          stored++;
        } catch (ExecutionException refused) {
          // counted above
        }
      }
      assertThat(stored).isBetween(1L, 2L);
      assertThat(history.store().after("lobby", 0, 10)).hasSize((int) stored);
    }
  }

  private static String reason(CompletableFuture<?> refused) {
    try {
      refused.join();
      throw new AssertionError("not refused");
    } catch (RuntimeException e) {
      return e.getCause().getMessage();
    }
  }
}
