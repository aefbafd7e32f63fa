package dev.wirelab.chat.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat's events, spoken by the official socket.io-client from npm (chat-events.mjs). */
class ChatWithOfficialClientTest {
  @TempDir Path dir;

  @Test
  void chatEventsBehaveAsThePageExpects() throws Exception {
    JsonNode r;
    try (ClassroomChat chat =
            ClassroomChat.start(
                new ChatSettings(
                    "127.0.0.1",
                    0,
                    dir.resolve("chat.db"),
                    Long.MAX_VALUE,
                    "teacher-secret",
                    Set.of()));
        NodePeer node =
            new NodePeer("chat-events.mjs", "http://127.0.0.1:" + chat.port(), "teacher-secret")) {
      String line = node.readLine();
      assertThat(node.await()).isZero();
      r = new ObjectMapper().readTree(line);
    }

    assertThat(r.at("/firstAck/ok").asBoolean()).isTrue();
    assertThat(r.at("/firstAck/offset").asLong()).isEqualTo(1);
    assertThat(r.at("/bobReceived/text").asText()).isEqualTo("hello <b>bob</b>");
    assertThat(r.at("/bobReceived/sender").asText()).isEqualTo("ann");
    assertThat(r.at("/retryAck/offset").asLong()).as("a retry is stored once").isEqualTo(1);
    assertThat(r.at("/secondAck/offset").asLong()).isEqualTo(2);
    assertThat(texts(r.at("/catchUp/history"))).containsExactly("second");

    assertThat(r.at("/notJoined/error").asText()).isEqualTo("join the room before writing to it");
    assertThat(r.at("/badRoom/error").asText()).startsWith("a room name is");
    assertThat(r.at("/tooLong/error").asText()).isEqualTo("too long: at most 500 characters");
    assertThat(r.at("/notTeacher/error").asText()).isEqualTo("only the teacher can do that");
    List<String> floodErrors = new ArrayList<>();
    r.at("/flood").forEach(ack -> floodErrors.add(ack.path("error").asText("")));
    assertThat(floodErrors).anyMatch(String::isEmpty).anyMatch(e -> e.startsWith("slow down"));

    assertThat(r.at("/badName").asText()).startsWith("a name is 1 to 24");
    assertThat(r.at("/badToken").asText()).startsWith("that teacher token is not right");
    assertThat(r.at("/privateAck/ok").asBoolean()).isTrue();
    assertThat(r.at("/carolPrivate/text").asText()).isEqualTo("psst");
    assertThat(r.at("/carolPrivate/sender").asText()).isEqualTo("bob");
    assertThat(r.at("/carolPrivate/with").asText()).isEqualTo("bob");

    assertThat(r.at("/teacherWelcome/teacher").asBoolean()).isTrue();
    assertThat(r.at("/clearAck/ok").asBoolean()).isTrue();
    assertThat(r.at("/bobCleared/by").asText()).isEqualTo("teacher");
    assertThat(r.at("/afterClear/history")).isEmpty();
    assertThat(r.at("/carolMuted").asBoolean()).isTrue();
    assertThat(r.at("/mutedMessage/error").asText()).isEqualTo("the teacher has muted you");
    assertThat(r.at("/carolKickedBy").asText()).isEqualTo("teacher");
    assertThat(r.at("/carolDisconnectReason").asText()).isEqualTo("io server disconnect");

    assertThat(r.at("/bobChatTexts").get(0).asText()).isEqualTo("hello <b>bob</b>");
    assertThat(texts(r.at("/bobChatTexts"))).containsOnlyOnce("hello <b>bob</b>", "second");
    assertThat(r.at("/carolChatCount").asInt()).as("physics hears nothing of the lobby").isZero();
    assertThat(texts(r.at("/annNotices"))).contains("bob joined");
  }

  @Test
  void aFullHistoryAcknowledgesNothingItDidNotStore() throws Exception {
    JsonNode r;
    try (ClassroomChat chat =
            ClassroomChat.start(
                new ChatSettings(
                    "127.0.0.1",
                    0,
                    dir.resolve("chat.db"),
                    48 * 1024,
                    "teacher-secret",
                    Set.of()));
        NodePeer node = new NodePeer("chat-full.mjs", "http://127.0.0.1:" + chat.port())) {
      String line = node.readLine();
      assertThat(node.await()).isZero();
      r = new ObjectMapper().readTree(line);
    }

    List<String> acked = texts(r.at("/acked"));
    List<String> stored = texts(r.at("/stored"));
    assertThat(r.at("/refused")).isNotEmpty();
    r.at("/refused")
        .forEach(
            refusal -> {
              assertThat(refusal.path("error").asText())
                  .startsWith("the server could not store your message");
              assertThat(refusal.path("retry").asBoolean()).isTrue();
              assertThat(stored).doesNotContain(refusal.path("clientId").asText());
            });
    assertThat(stored).containsExactlyInAnyOrderElementsOf(acked);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.isTextual() ? node.asText() : node.path("text").asText()));
    return texts;
  }
}
