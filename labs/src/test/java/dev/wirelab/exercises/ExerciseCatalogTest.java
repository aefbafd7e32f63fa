package dev.wirelab.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.LabCatalog;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExerciseCatalogTest {
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void everyExerciseFollowsALabAndHasItsSourcesAndTask() {
    assertThat(ExerciseCatalog.EXERCISES)
        .isNotEmpty()
        .allSatisfy(
            exercise -> {
              assertThat(LabCatalog.find(exercise.number()))
                  .as("lab %s", exercise.number())
                  .isPresent();
              assertThat(loader.getResource(exercise.skeletonResource() + "/TASK.md")).isNotNull();
              assertThat(ResourceTree.exists(loader, exercise.referenceResource())).isTrue();
              assertThat(exercise.requirements()).hasSizeGreaterThanOrEqualTo(3);
            });
  }

  @Test
  void everyExerciseHasAtLeastTwoWrongSolutions() throws Exception {
    for (Exercise exercise : ExerciseCatalog.EXERCISES) {
      URL wrong = loader.getResource("exercises/lab" + exercise.number() + "/wrong");
      assertThat(wrong).as("wrong solutions of exercise %s", exercise.number()).isNotNull();
      try (Stream<Path> names = Files.list(Path.of(wrong.toURI()))) {
        assertThat(names.count())
            .as("wrong solutions of %s", exercise.number())
            .isGreaterThanOrEqualTo(2);
      }
    }
  }

  @Test
  void findAcceptsOneOrTwoDigits() {
    assertThat(ExerciseCatalog.find("1")).map(Exercise::number).contains("01");
    assertThat(ExerciseCatalog.find("99")).isEmpty();
  }
}
