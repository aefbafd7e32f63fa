package dev.wirelab.chat.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Students in real headless Chromium (chat-browser.mjs, playwright-core driving Debian's
 * /usr/bin/chromium): rooms keep conversations apart, typed markup stays text, a page that was
 * offline gets what it missed exactly once, and history outlives a server restart. The screenshots
 * in docs/images come from this test: it writes them to target/screenshots, and to docs/images when
 * run with {@code -Dwirelab.screenshots=docs}, so an ordinary test run leaves the working tree
 * clean.
 */
class ChatInBrowserTest {
  private static final Path SCREENSHOTS = Screenshots.directory();

  private static final String TOKEN = "teacher-secret";

  @TempDir Path dir;

  @Test
  void studentsChatAcrossRoomsReconnectsAndARestart() throws Exception {
    Path database = dir.resolve("chat.db");
    Files.createDirectories(SCREENSHOTS);
    String resultLine = null;
    ClassroomChat chat = ClassroomChat.start(settings(database, 0));
    int port = chat.port();
    try (NodePeer browser =
        new NodePeer(
            "chat-browser.mjs", "http://127.0.0.1:" + port, SCREENSHOTS.toString(), TOKEN)) {
      for (String line; (line = browser.readLine()) != null; ) {
        if (line.startsWith("RESTART")) {
          chat.close();
          Path file = line.equals("RESTART_EMPTY") ? dir.resolve("new-history.db") : database;
          chat = ClassroomChat.start(settings(file, port));
          browser.writeLine("RESTARTED");
        } else if (line.startsWith("RESULT ")) {
          resultLine = line.substring("RESULT ".length());
        }
      }
      assertThat(browser.await()).isZero();
    } finally {
      chat.close();
    }

    JsonNode r = new ObjectMapper().readTree(resultLine);
    assertThat(r.path("failure").asText("")).isEmpty();
    assertThat(r.at("/dialogs")).as("no alert() ran").isEmpty();
    assertThat(r.at("/errors")).as("no script errors").isEmpty();
    assertThat(r.at("/bobImages").asInt()).as("markup stayed text").isZero();
    assertThat(r.at("/annSawTyping").asBoolean()).isTrue();
    assertThat(r.at("/bobPrivateSender").asText()).isEqualTo("ann");
    assertThat(texts(r.at("/bobPrivateAfterReload"))).containsExactly("just for bob");
    assertThat(r.at("/carolPrivates").asInt()).isZero();

    List<String> missed =
        List.of("while you were away 1", "while you were away 2", "while you were away 3");
    assertThat(r.at("/reconnectBanner").asText())
        .isEqualTo("Reconnected; you missed 3 messages (shown below).");
    List<String> afterReconnect = texts(r.at("/bobAfterReconnect"));
    assertThat(afterReconnect)
        .startsWith(
            "hello bob", "hi ann", "<img src=x onerror=alert(1)>", "<script>alert(2)</script>");
    missed.forEach(
        text -> assertThat(Collections.frequency(afterReconnect, text)).as(text).isEqualTo(1));

    List<String> afterRestart = texts(r.at("/bobAfterRestart"));
    assertThat(afterRestart).endsWith("after the restart");
    assertThat(Set.copyOf(afterRestart)).as("nothing shown twice").hasSize(afterRestart.size());
    assertThat(r.at("/bobBackBanner").asText()).isEqualTo("1 message since you were last here.");
    assertThat(texts(r.at("/daveHistory")))
        .contains("hello bob", "while you were away 3", "after the restart");

    assertThat(r.at("/teacherSees").asText()).isEqualTo("teacher (teacher)");
    assertThat(r.at("/bobMutedNote").asText())
        .isEqualTo("The teacher muted you: you can read, but not write.");
    assertThat(r.at("/bobSendDisabled").asBoolean()).isTrue();
    assertThat(texts(r.at("/bobAfterClear")))
        .singleElement()
        .asString()
        .endsWith("teacher cleared this room.");

    assertThat(texts(r.at("/bobAfterNewHistory"))).containsExactly("a fresh start");

    assertThat(r.at("/carolRoomTexts")).isEmpty();
    assertThat(r.at("/carolWire").asText()).contains("42[\"welcome\"").doesNotContain("hello bob");
    assertThat(texts(r.at("/annWire")))
        .as("the page's own frames, as sent")
        .anyMatch(
            raw ->
                raw.matches(
                    "42\\d+\\[\"message\",\\{\"room\":\"maths\",\"clientId\":\"[0-9a-f-]{36}\",\"text\":\"hello bob\"}]"));
    assertThat(SCREENSHOTS.resolve("chat-page.png")).isNotEmptyFile();
    assertThat(SCREENSHOTS.resolve("chat-wire-view.png")).isNotEmptyFile();
    assertThat(SCREENSHOTS.resolve("chat-teacher.png")).isNotEmptyFile();
  }

  private static ChatSettings settings(Path database, int port) {
    return new ChatSettings("127.0.0.1", port, database, Long.MAX_VALUE, TOKEN, Set.of());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
