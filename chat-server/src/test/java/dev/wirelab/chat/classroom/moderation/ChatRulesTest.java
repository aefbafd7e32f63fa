package dev.wirelab.chat.classroom.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatRulesTest {
  @Test
  void namesAreShortWordsWithoutMarkup() {
    assertThat(ChatRules.checkName("Ann")).isEmpty();
    assertThat(ChatRules.checkName("Zoë O.")).isEmpty();
    assertThat(ChatRules.checkName("")).isPresent();
    assertThat(ChatRules.checkName(" ann")).isPresent();
    assertThat(ChatRules.checkName("<b>ann</b>")).isPresent();
    assertThat(ChatRules.checkName("x".repeat(25))).isPresent();
    assertThat(ChatRules.checkName(42)).isPresent();
  }

  @Test
  void roomsAreLowerCaseSlugs() {
    assertThat(ChatRules.checkRoom("physics-2")).isEmpty();
    assertThat(ChatRules.checkRoom("Physics")).isPresent();
    assertThat(ChatRules.checkRoom("a/b")).isPresent();
    assertThat(ChatRules.checkRoom(null)).isPresent();
  }

  @Test
  void messagesHaveTextWithinTheLimit() {
    assertThat(ChatRules.checkText("<script>alert(1)</script>")).isEmpty();
    assertThat(ChatRules.checkText("   ")).contains("a message needs some text");
    assertThat(ChatRules.checkText("x".repeat(ChatRules.MAX_MESSAGE_LENGTH + 1)))
        .contains("too long: at most 500 characters");
  }

  @Test
  void clientIdsAreUuidLike() {
    assertThat(ChatRules.checkClientId("7d1c1f4e-2b1a-4c0e-9b7e-1c2d3e4f5a6b")).isEmpty();
    assertThat(ChatRules.checkClientId("'; DROP TABLE")).isPresent();
  }
}
