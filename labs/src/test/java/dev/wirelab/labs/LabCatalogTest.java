package dev.wirelab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.LabInfo;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class LabCatalogTest {
  private static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void everyLabClassIsRegistered() throws Exception {
    List<String> registered =
        LabCatalog.LABS.stream().map(lab -> lab.labClass().getName()).collect(Collectors.toList());
    assertThat(labClassesOnDisk())
        .isNotEmpty()
        .allSatisfy(
            name ->
                assertThat(registered)
                    .as("%s has a main but is missing from LabCatalog.LABS", name)
                    .contains(name));
  }

  @Test
  void everyLabHasItsDocsPage() {
    assertThat(LabCatalog.LABS)
        .allSatisfy(
            lab ->
                assertThat(REPO_ROOT.resolve(lab.docsPage()))
                    .as("docs page of lab %s", lab.number())
                    .isRegularFile());
  }

  @Test
  void labsAreNumberedFromOneWithoutGaps() {
    List<String> expected =
        IntStream.rangeClosed(1, LabCatalog.LABS.size())
            .mapToObj(n -> String.format("%02d", n))
            .collect(Collectors.toList());
    assertThat(LabCatalog.LABS).extracting(LabInfo::number).containsExactlyElementsOf(expected);
  }

  @Test
  void everyLabIsACommandNamedAfterItsNumberWithAMain() throws Exception {
    for (LabInfo lab : LabCatalog.LABS) {
      Command command = lab.labClass().getAnnotation(Command.class);
      assertThat(command).as("@Command on %s", lab.labClass()).isNotNull();
      assertThat(command.name()).isEqualTo(lab.number());
      Method main = lab.labClass().getMethod("main", String[].class);
      assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
      assertThat(lab.factory().get()).isInstanceOf(lab.labClass());
      assertThat(lab.labClass().getSimpleName()).startsWith("Lab" + lab.number());
    }
  }

  @Test
  void findAcceptsOneOrTwoDigits() {
    assertThat(LabCatalog.find("1")).map(LabInfo::number).contains("01");
    assertThat(LabCatalog.find("01")).map(LabInfo::number).contains("01");
    assertThat(LabCatalog.find("99")).isEmpty();
  }

  /** Classes named LabNN... with a static main, anywhere under dev/wirelab/labs. */
  private static List<String> labClassesOnDisk() throws IOException, URISyntaxException {
    Path classes =
        Path.of(LabCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .map(path -> classes.relativize(path).toString())
          .filter(name -> name.matches(".*/Lab\\d\\d[A-Za-z0-9]*\\.class"))
          .map(name -> name.replace('/', '.').replaceAll("\\.class$", ""))
          .filter(LabCatalogTest::hasMain)
          .collect(Collectors.toList());
    }
  }

  private static boolean hasMain(String className) {
    try {
      Method main = Class.forName(className).getMethod("main", String[].class);
      return Modifier.isStatic(main.getModifiers());
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
