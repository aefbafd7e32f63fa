package dev.wirelab.chat.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.chat.classroom.store.MessageStore;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One student floods the chat with {@code join(room, 0)} on a big room and with joins of new rooms,
 * while a healthy pair talks and pages listen (chat-flood.mjs, official socket.io-client): nothing
 * the pair sent is lost, the flooder is cut, the listeners are not buried in room lists. The same
 * script, larger, is the flood benchmark in docs/benchmarks.md.
 */
class ChatFloodTest {
  @TempDir Path dir;

  @Test
  void aFlooderIsCutAndTheClassLosesNothing() throws Exception {
    Path db = dir.resolve("chat.db");
    try (MessageStore store = MessageStore.open(db)) {
      for (int i = 0; i < 1_000; i++) {
        store.append("big", "m" + i, "old", "F".repeat(400), i);
      }
    }
    JsonNode r;
    try (ClassroomChat chat =
            ClassroomChat.start(
                new ChatSettings("127.0.0.1", 0, db, Long.MAX_VALUE, "teacher-secret", Set.of()));
        NodePeer node =
            new NodePeer(
                "chat-flood.mjs", "http://127.0.0.1:" + chat.port(), "2", "300", "40", "10", "6")) {
      String line = node.readLine();
      assertThat(node.await()).isZero();
      r = new ObjectMapper().readTree(line);
    }

    assertThat(r.at("/healthy/acked").asInt())
        .isEqualTo(r.at("/healthy/sent").asInt())
        .isEqualTo(6);
    assertThat(r.at("/healthy/delivered").asInt()).isEqualTo(6);
    assertThat(r.at("/flooder/disconnected").asBoolean()).as("the flooder is cut").isTrue();
    assertThat(r.at("/listeners/connected").asInt()).isEqualTo(10);
    // 40 new rooms were asked for: without coalescing each listener would get ~40 lists.
    assertThat(r.at("/listeners/maxRoomFrames").asInt()).isLessThan(15);
  }
}
