package dev.wirelab.exercises.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.exercises.check.CompileResult;
import dev.wirelab.exercises.check.StudentCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The containment: whatever the student's program does, the checker's JVM carries on. */
class StudentCodeTest {
  @TempDir Path sources;
  @TempDir Path classes;

  private StudentCode compile(String className, String body) throws Exception {
    Files.writeString(sources.resolve(className + ".java"), body, StandardCharsets.UTF_8);
    CompileResult result = StudentCompiler.compile(sources, classes);
    assertThat(result.errors()).isEmpty();
    return new StudentCode(classes);
  }

  @Test
  void systemExitEndsOnlyTheChildJvm() throws Exception {
    try (StudentCode code =
        compile(
            "Quits",
            "public class Quits { public static void main(String[] a) {"
                + " System.out.println(\"bye\"); System.exit(3); } }")) {
      StudentProcess run = code.runProgram(Duration.ofSeconds(20), "Quits");
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.stdout()).isEqualTo("bye\n");
      assertThat(run.describeEnd()).isEqualTo("exited with code 3");
    }
  }

  @Test
  void anEndlessLoopIsStoppedByTheBoundAndKilled() throws Exception {
    StudentCode code =
        compile(
            "Spins",
            "public class Spins { public static void main(String[] a) { while (true) { } } }");
    StudentProcess run;
    try {
      run = code.runProgram(Duration.ofMillis(500), "Spins");
      assertThat(run.isAlive()).isTrue();
    } finally {
      code.close();
    }
    assertThat(run.isAlive()).isFalse();
  }

  @Test
  void threadsLeftRunningAfterMainAreReported() throws Exception {
    try (StudentCode code =
        compile(
            "Leaks",
            "public class Leaks { public static void main(String[] a) {"
                + " new Thread(() -> { while (true) { Thread.onSpinWait(); } }, \"forgotten\").start();"
                + " } }")) {
      StudentProcess run = code.runProgram(Duration.ofSeconds(20), "Leaks");
      assertThat(run.isAlive()).isFalse();
      assertThat(run.sandboxReports())
          .containsExactly("threads still running after main returned: forgotten");
    }
  }

  @Test
  void socketsLeftOpenAfterMainAreReported() throws Exception {
    try (StudentCode code =
        compile(
            "Forgets",
            "public class Forgets { public static void main(String[] a) throws Exception {"
                + " new java.net.DatagramSocket(); } }")) {
      StudentProcess run = code.runProgram(Duration.ofSeconds(20), "Forgets");
      assertThat(run.sandboxReports())
          .containsExactly("1 socket(s) still open after main returned");
    }
  }

  @Test
  void anExceptionOutOfMainIsOneLineWithTheStudentsFileAndLine() throws Exception {
    try (StudentCode code =
        compile(
            "Throws",
            "public class Throws {\n public static void main(String[] a) {\n"
                + "  throw new IllegalStateException(\"oops\");\n }\n}\n")) {
      StudentProcess run = code.runProgram(Duration.ofSeconds(20), "Throws");
      assertThat(run.describeEnd())
          .isEqualTo(
              "stopped: main threw java.lang.IllegalStateException: oops (at Throws.java:3)");
    }
  }

  @Test
  void aRenamedMainClassIsNamed() throws Exception {
    try (StudentCode code =
        compile("Other", "public class Other { public static void main(String[] a) { } }")) {
      StudentProcess run = code.runProgram(Duration.ofSeconds(20), "EchoServer");
      assertThat(run.sandboxReports())
          .singleElement()
          .asString()
          .startsWith("there is no class EchoServer");
    }
  }

  @Test
  void compileErrorsNameFileAndLineOnly() throws Exception {
    Files.writeString(sources.resolve("Broken.java"), "public class Broken {\n  int x = ;\n}\n");
    CompileResult result = StudentCompiler.compile(sources, classes);
    assertThat(result.ok()).isFalse();
    assertThat(result.errors())
        .containsExactly("Broken.java:2: error: illegal start of expression");
  }
}
