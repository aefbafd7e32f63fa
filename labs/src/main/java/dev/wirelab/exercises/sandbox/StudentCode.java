package dev.wirelab.exercises.sandbox;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The student's compiled classes, and the way to run them contained: each program runs in a child
 * JVM of its own, on the same JDK as Wirelab, with Wirelab's class path after the student's
 * classes. A {@code System.exit}, an endless loop or a crash there cannot touch the checker; {@link
 * #close} kills whatever is still running.
 */
public final class StudentCode implements AutoCloseable {
  private final Path classes;
  private final List<StudentProcess> started = new CopyOnWriteArrayList<>();

  public StudentCode(Path classes) {
    this.classes = classes;
  }

  /** The folder of the student's compiled classes. */
  public Path classes() {
    return classes;
  }

  /**
   * Starts a program that runs until the checker stops it (a server): {@code mainClass.main(args)}
   * in a child JVM.
   */
  public StudentProcess startServer(String mainClass, String... args) throws IOException {
    return start(false, mainClass, args);
  }

  /**
   * Starts a program that should end by itself (a client, a tool). When its {@code main} returns,
   * the launcher reports threads or sockets it left open, and ends the JVM with an error if so.
   */
  public StudentProcess startProgram(String mainClass, String... args) throws IOException {
    return start(true, mainClass, args);
  }

  private StudentProcess start(boolean finish, String mainClass, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                javaExecutable(),
                // The student's programs are small and short: a quick start matters more than peak
                // speed.
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-Xss1m",
                "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8",
                "-Dsun.stderr.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8",
                "-D" + StudentMain.FINISH_PROPERTY + "=" + finish,
                "-cp",
                classes + File.pathSeparator + WirelabClasspath.get(),
                StudentMain.class.getName(),
                mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(classes.toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    StudentProcess process = new StudentProcess(mainClass, builder.start());
    started.add(process);
    return process;
  }

  /** Starts a program with {@link #startProgram} and waits for it to end, within {@code bound}. */
  public StudentProcess runProgram(Duration bound, String mainClass, String... args)
      throws IOException, InterruptedException {
    StudentProcess process = startProgram(mainClass, args);
    process.closeInput();
    process.awaitExit(bound);
    return process;
  }

  /** A TCP port on 127.0.0.1 that was free a moment ago, for the student's server to listen on. */
  public static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** The java command of the JDK that runs Wirelab. */
  static String javaExecutable() {
    String suffix = File.separatorChar == '\\' ? "java.exe" : "java";
    return Path.of(System.getProperty("java.home"), "bin", suffix).toString();
  }

  /** Kills every program started here that still runs. */
  @Override
  public void close() {
    started.forEach(StudentProcess::close);
    started.clear();
  }
}
