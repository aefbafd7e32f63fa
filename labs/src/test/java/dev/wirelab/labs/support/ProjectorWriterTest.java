package dev.wirelab.labs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectorWriterTest {
  private static final String WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa ";

  @Test
  void aShortLineIsLeftAlone() {
    assertThat(ProjectorWriter.fold("[server] listening")).containsExactly("[server] listening");
  }

  @Test
  void aLongLineBreaksAtSpacesAndGoesOnUnderItsText() {
    String line = "[client B] " + WORDS.repeat(3).strip();

    List<String> pieces = ProjectorWriter.fold(line);

    assertThat(pieces).hasSize(2).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(100));
    assertThat(pieces.get(1)).startsWith(" ".repeat(11)).doesNotStartWith(" ".repeat(12));
    assertThat(String.join(" ", pieces).replaceAll(" +", " ")).isEqualTo(line);
  }

  @Test
  void anIndentedRowKeepsItsIndent() {
    String row = "    " + "x".repeat(60) + " " + "y".repeat(60);

    assertThat(ProjectorWriter.fold(row))
        .containsExactly("    " + "x".repeat(60), "    " + "y".repeat(60));
  }

  @Test
  void aTableRowGoesOnUnderItsLastColumn() {
    String row = "  1 Physical       |   (same)       | " + WORDS.repeat(2).strip();

    List<String> pieces = ProjectorWriter.fold(row);

    assertThat(pieces).hasSize(2);
    assertThat(pieces.get(1)).startsWith(" ".repeat(38)).doesNotStartWith(" ".repeat(39));
  }

  @Test
  void aTokenWiderThanTheProjectorIsCutWhereTheRoomEnds() {
    String hex = "z".repeat(250);

    List<String> pieces = ProjectorWriter.fold(hex);

    assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(100));
    assertThat(String.join("", pieces).replace(" ", "")).isEqualTo(hex);
  }

  @Test
  void widthCountsCharactersNotBytes() {
    String line = "ü".repeat(100);

    assertThat(ProjectorWriter.fold(line)).containsExactly(line);
  }
}
