package dev.wirelab.exercises.check;

import dev.wirelab.common.cli.UserError;
import dev.wirelab.exercises.sandbox.WirelabClasspath;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a student's folder of .java files in-process with the JDK's own compiler, against
 * Wirelab's class path: no Maven, no internet, no IDE.
 */
public final class StudentCompiler {
  private StudentCompiler() {}

  /** Compiles every .java file under {@code sources} into {@code classes}. */
  public static CompileResult compile(Path sources, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new UserError(
          "checking needs a JDK, not just a Java runtime: java.home is "
              + System.getProperty("java.home")
              + " (install e.g. openjdk-17-jdk)");
    }
    List<Path> files = javaFiles(sources);
    if (files.isEmpty()) {
      throw new UserError(
          "no .java files in "
              + sources
              + ": write the exercise there first (./wirelab exercise NN)");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d",
              classes.toString(),
              "-cp",
              WirelabClasspath.get(),
              "-encoding",
              "UTF-8",
              "-g",
              "-nowarn",
              "-proc:none",
              "-implicit:none",
              "-Xlint:none");
      // javac's own notes and warnings go here; only the errors are shown to the student.
      StringWriter chatter = new StringWriter();
      javac
          .getTask(
              chatter,
              fileManager,
              diagnostics,
              options,
              null,
              fileManager.getJavaFileObjectsFromPaths(files))
          .call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(describe(sources, d));
      }
    }
    return new CompileResult(files.size(), errors);
  }

  private static List<Path> javaFiles(Path sources) throws IOException {
    if (!Files.isDirectory(sources)) {
      throw new UserError(
          "no folder "
              + sources
              + ": write the exercise there first"
              + " (./wirelab exercise NN), or name your folder with --dir");
    }
    try (Stream<Path> walk = Files.walk(sources)) {
      return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** "EchoServer.java:12: error: ';' expected", the file relative to the student's folder. */
  private static String describe(Path sources, Diagnostic<? extends JavaFileObject> d) {
    String message = d.getMessage(Locale.ROOT);
    if (d.getSource() == null) {
      return "error: " + message;
    }
    Path file = Path.of(d.getSource().toUri());
    String where = file.startsWith(sources) ? sources.relativize(file).toString() : file.toString();
    return where + ":" + d.getLineNumber() + ": error: " + message;
  }
}
