package dev.wirelab.exercises.sandbox;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Wirelab's own class path, which the student's code compiles and runs against: the shaded {@code
 * wirelab.jar} when run from it, the module folders and jars of a Maven build otherwise. Every
 * entry is absolute: the student's program runs in another folder, where {@code java -jar
 * wirelab.jar}'s relative path would name nothing.
 */
public final class WirelabClasspath {
  /** Overrides the class path, for a launcher that knows better. */
  public static final String PROPERTY = "wirelab.classpath";

  private WirelabClasspath() {}

  public static String get() {
    // Surefire runs tests with a one-entry "manifest only" jar; it names the real class path here.
    for (String property : new String[] {PROPERTY, "surefire.test.class.path", "java.class.path"}) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        return absolute(value);
      }
    }
    throw new IllegalStateException("the JVM has no java.class.path");
  }

  static String absolute(String classpath) {
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
