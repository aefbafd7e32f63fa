package dev.wirelab.exercises.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The student's JVM starts in another folder, so the class path it is given must be absolute. */
class WirelabClasspathTest {
  @Test
  void relativeEntriesBecomeAbsoluteAndEmptyOnesGo() {
    String here = Path.of("").toAbsolutePath().toString();
    String given =
        String.join(File.pathSeparator, "wirelab.jar", "", "lib/../classes", "/opt/x.jar");

    assertThat(WirelabClasspath.absolute(given).split(File.pathSeparator))
        .containsExactly(
            here + File.separator + "wirelab.jar", here + File.separator + "classes", "/opt/x.jar");
  }

  @Test
  void theClasspathInUseIsAbsolute() {
    assertThat(WirelabClasspath.get().split(File.pathSeparator))
        .allSatisfy(entry -> assertThat(Path.of(entry).isAbsolute()).as(entry).isTrue());
  }
}
