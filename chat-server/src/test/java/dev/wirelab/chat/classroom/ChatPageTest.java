package dev.wirelab.chat.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat page through a lesson in real headless Chromium (chat-page.mjs, with official
 * socket.io-client peers): polling first then the WebSocket upgrade, polling kept when WebSocket is
 * blocked, scroll anchoring and Load earlier, unread counts, the outbox across a reload and in
 * typed order, private threads, the teacher's badge, mute and kick, phone and projector sizes, and
 * axe-core with no serious or critical violation. Screenshots go to target/screenshots, or
 * docs/images with {@code -Dwirelab.screenshots=docs}.
 */
class ChatPageTest {
  private static final Path SCREENSHOTS = Screenshots.directory();
  private static final String TOKEN = "projector-secret-42";

  @TempDir Path dir;

  @Test
  void aLessonInChromium() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    String resultLine = null;
    try (ClassroomChat chat =
            ClassroomChat.start(
                new ChatSettings(
                    "127.0.0.1", 0, dir.resolve("chat.db"), Long.MAX_VALUE, TOKEN, Set.of()));
        NodePeer browser =
            new NodePeer(
                "chat-page.mjs",
                "http://127.0.0.1:" + chat.port(),
                SCREENSHOTS.toString(),
                TOKEN)) {
      for (String line; (line = browser.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          resultLine = line.substring("RESULT ".length());
        }
      }
      assertThat(browser.await()).isZero();
    }
    assertThat(resultLine).as("the script's RESULT line").isNotNull();
    JsonNode r = new ObjectMapper().readTree(resultLine);
    assertThat(r.at("/failures").properties()).as("scenarios that threw").isEmpty();
    assertThat(r.at("/errors")).as("no script errors").isEmpty();
    assertThat(r.at("/dialogs")).as("no window.alert/confirm").isEmpty();

    // Polling first, then 2probe / 3probe / 5 on the WebSocket.
    List<String> wire = new ArrayList<>();
    r.at("/annWire")
        .forEach(
            row ->
                wire.add(
                    row.path("dir").asText()
                        + " "
                        + row.path("via").asText()
                        + " "
                        + row.path("raw").asText()));
    assertThat(wire.get(0)).startsWith("local polling GET ");
    assertThat(wire)
        .containsSubsequence("out WebSocket 2probe", "in WebSocket 3probe", "out WebSocket 5");
    // The CONNECT carries the name and this browser's identity (a random id).
    int connect =
        IntStream.range(0, wire.size())
            .filter(i -> wire.get(i).startsWith("out polling 40{\"name\":\"ann\",\"identity\":"))
            .findFirst()
            .orElse(-1);
    assertThat(connect)
        .as("CONNECT went over polling")
        .isBetween(0, wire.indexOf("out WebSocket 2probe"));
    // WebSocket refused: the page stays on long-polling and still chats both ways.
    assertThat(r.at("/erinTransport").asText()).isEqualTo("via HTTP long-polling");
    assertThat(texts(r.at("/erinTexts"))).contains("sent over long-polling", "and back to polling");

    // Scroll anchoring: reading older messages is not interrupted.
    assertThat(r.at("/scrollWhileReading").asInt()).isZero();
    assertThat(r.at("/jumpText").asText()).isEqualTo("1 new message ↓");
    assertThat(r.at("/afterJump/atBottom").asBoolean()).isTrue();
    assertThat(r.at("/afterJump/jumpHidden").asBoolean()).isTrue();
    assertThat(r.at("/followsAtBottom").asBoolean()).isTrue();
    // A class arriving is one line, not one per person.
    assertThat(texts(r.at("/scrollNotices")))
        .singleElement()
        .asString()
        .matches("load\\d, load\\d and 6 others joined");
    assertThat(r.at("/bobRowsOnOpen").asInt()).isEqualTo(50);
    assertThat(r.at("/bobFirstAfterEarlier").asInt()).isEqualTo(1);
    assertThat(r.at("/bobEarlierHidden").asBoolean()).isTrue();
    assertThat(r.at("/groupedRows").asInt()).isPositive();
    assertThat(r.at("/daySeparators").asInt()).isEqualTo(1);
    assertThat(r.at("/avatar").asText()).isEqualTo("LO");

    // Unread counts per room, per private thread, in the tab title.
    assertThat(r.at("/annLobbyUnread").asText()).isEqualTo("1");
    assertThat(r.at("/annTitle").asText()).isEqualTo("(1) Wirelab classroom chat");
    assertThat(r.at("/annTitleAfterReading").asText()).isEqualTo("Wirelab classroom chat");
    assertThat(r.at("/bobThreadUnread").asText()).isEqualTo("1");
    assertThat(r.at("/bobTitle").asText()).startsWith("(2) ");

    // Private messages are a conversation of their own, kept across a reload.
    assertThat(texts(r.at("/bobRoomTextsBefore"))).doesNotContain("psst, just for bob");
    assertThat(texts(r.at("/annThread"))).containsExactly("psst, just for bob", "ok ann");
    assertThat(texts(r.at("/annLobbyAfterPrivate"))).doesNotContain("psst, just for bob", "ok ann");
    assertThat(texts(r.at("/bobThreadAfterReload")))
        .containsExactly("psst, just for bob", "ok ann");
    assertThat(r.at("/bobComposerPlaceholder").asText()).isEqualTo("Private message to ann");

    // A Wi-Fi blip is not "left" and "joined"; a real departure is told after the grace period.
    List<String> notices = texts(r.at("/annLobbyNotices"));
    assertThat(notices).anyMatch(text -> text.contains("zed") && text.endsWith(" left"));
    assertThat(notices.stream().filter(text -> text.contains("bob")))
        .as("no new notice about bob after his blip")
        .containsExactlyElementsOf(
            texts(r.at("/annLobbyNoticesBefore")).stream()
                .filter(text -> text.contains("bob"))
                .toList());

    // The outbox: kept across a reload, sent in typed order, past the rate limit too.
    assertThat(r.at("/carolBar").asText())
        .isEqualTo("You are offline (by choice). 5 messages will send when back online.");
    assertThat(texts(r.at("/carolPending"))).hasSize(5).containsOnly("will send when back online");
    List<String> order = new ArrayList<>();
    IntStream.rangeClosed(1, 5).forEach(n -> order.add("typed offline " + n));
    IntStream.rangeClosed(1, 14).forEach(n -> order.add("quick " + n));
    assertThat(texts(r.at("/annOrder"))).containsExactlyElementsOf(order);

    // The teacher: token never on screen, badge, mute, confirmations, kick.
    assertThat(r.at("/teacherHash").asText()).isEmpty();
    assertThat(r.at("/tokenOnScreen").asBoolean()).isFalse();
    assertThat(r.at("/tokenOnScreenAfterLogin").asBoolean()).isFalse();
    assertThat(texts(r.at("/daveSeesBadge"))).containsOnly("teacher");
    assertThat(r.at("/daveMutedNote").asText())
        .isEqualTo("The teacher muted you: you can read, but not write.");
    assertThat(r.at("/clearQuestion").asText()).contains("cannot be undone");
    assertThat(texts(r.at("/afterCancelledClear"))).contains("good morning class");
    assertThat(r.at("/kickQuestion").asText()).startsWith("Remove dave from the chat?");
    assertThat(r.at("/daveAfterKick/status").asText()).isEqualTo("removed");
    assertThat(r.at("/daveAfterKick/bar").asText())
        .isEqualTo("You were removed from the chat by Ms Rivera.");
    assertThat(r.at("/daveAfterKick/textDisabled").asBoolean()).isTrue();
    assertThat(r.at("/daveAfterKick/sendDisabled").asBoolean()).isTrue();

    // Projector and phone.
    assertThat(r.at("/projector/textPx").asDouble()).isGreaterThanOrEqualTo(24);
    assertThat(r.at("/projector/listShare").asDouble()).isGreaterThan(0.6);
    for (String screen : List.of("phoneChat", "phoneMenu", "phoneWire")) {
      assertThat(r.at("/" + screen + "/smallInputs")).as(screen + " inputs under 16 px").isEmpty();
      assertThat(r.at("/" + screen + "/smallTargets"))
          .as(screen + " targets under 44 px")
          .isEmpty();
      assertThat(r.at("/" + screen + "/overflow").asBoolean()).as(screen + " overflow").isFalse();
    }

    // Accessibility: axe on every screen, first focus, keyboard, dark scheme.
    assertThat(r.at("/axe").properties())
        .extracting(e -> e.getKey())
        .contains("login", "room", "wire", "teacher", "dark room");
    r.at("/axe")
        .properties()
        .forEach(
            screen ->
                screen
                    .getValue()
                    .forEach(
                        v ->
                            assertThat(v.path("impact").asText())
                                .as(screen.getKey() + ": " + v)
                                .isNotIn("serious", "critical")));
    assertThat(r.at("/loginFocus").asText()).isEqualTo("name");
    assertThat(r.at("/loginStatus").asText()).isEqualTo("not connected yet");
    assertThat(r.at("/tabFromText").asText()).isEqualTo("send");
    assertThat(r.at("/focusRing").asText()).isEqualTo("solid");
    assertThat(r.at("/darkBackground").asText()).isEqualTo("rgb(18, 21, 28)");

    for (String shot :
        List.of(
            "chat-phone.png",
            "chat-phone-menu.png",
            "chat-phone-wire.png",
            "chat-projector.png",
            "chat-projector-wire.png",
            "chat-dark.png")) {
      assertThat(SCREENSHOTS.resolve(shot)).isNotEmptyFile();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
