package dev.wirelab.exercises.sandbox;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a student's {@code main} inside the child JVM that {@link StudentCode} starts, and reports
 * to the checker, on stderr lines that start with {@link #REPORT}, what went wrong around it: no
 * such class, an exception out of {@code main}, and (for a program that should finish) threads or
 * sockets still open after {@code main} returned.
 */
public final class StudentMain {
  /** Prefix of the lines this launcher writes for the checker, not for the student. */
  public static final String REPORT = "wirelab-sandbox: ";

  /** System property: "true" when the program should finish by itself (a client, a tool). */
  static final String FINISH_PROPERTY = "wirelab.sandbox.finish";

  static final int EXIT_NO_MAIN = 70;
  static final int EXIT_MAIN_THREW = 71;
  static final int EXIT_LEFT_RUNNING = 72;

  /** How long threads started by {@code main} may take to end after it returned. */
  private static final long THREAD_GRACE_MILLIS = 1_000;

  private StudentMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: StudentMain MAIN_CLASS [ARGS...]");
    }
    boolean finish = Boolean.getBoolean(FINISH_PROPERTY);
    Method main = findMain(args[0]);
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    int socketsBefore = finish ? openSockets() : 0;
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      System.out.flush();
      report("main threw " + describe(e.getCause()));
      Runtime.getRuntime().halt(EXIT_MAIN_THREW);
    } catch (IllegalAccessException e) {
      report("cannot call " + args[0] + ".main: make the class and its main public");
      Runtime.getRuntime().halt(EXIT_NO_MAIN);
    }
    if (!finish) {
      return;
    }
    System.out.flush();
    List<String> running = threadsStillRunning(before);
    int socketsLeft = openSockets() - socketsBefore;
    if (!running.isEmpty()) {
      report("threads still running after main returned: " + String.join(", ", running));
    }
    if (socketsLeft > 0) {
      report(socketsLeft + " socket(s) still open after main returned");
    }
    if (!running.isEmpty() || socketsLeft > 0) {
      Runtime.getRuntime().halt(EXIT_LEFT_RUNNING);
    }
  }

  private static Method findMain(String className) {
    try {
      Method main = Class.forName(className).getMethod("main", String[].class);
      if (Modifier.isStatic(main.getModifiers())) {
        return main;
      }
      report(className + ".main is not static: write public static void main(String[] args)");
    } catch (ClassNotFoundException e) {
      report(
          "there is no class "
              + className
              + ": the exercise runs "
              + className
              + ".main, keep that class name (and no package line)");
    } catch (NoSuchMethodException e) {
      report(className + " has no public static void main(String[] args)");
    }
    Runtime.getRuntime().halt(EXIT_NO_MAIN);
    throw new AssertionError("halted");
  }

  /** "java.net.BindException: Address already in use (at EchoServer.java:14)". */
  public static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.getClass().getName());
    if (error.getMessage() != null) {
      text.append(": ").append(error.getMessage());
    }
    Arrays.stream(error.getStackTrace())
        .filter(frame -> frame.getFileName() != null && !isLibrary(frame.getClassName()))
        .findFirst()
        .ifPresent(
            frame ->
                text.append(" (at ")
                    .append(frame.getFileName())
                    .append(':')
                    .append(frame.getLineNumber())
                    .append(')'));
    return text.toString();
  }

  private static boolean isLibrary(String className) {
    return Stream.of("java.", "javax.", "jdk.", "sun.", "dev.wirelab.", "io.netty.")
        .anyMatch(className::startsWith);
  }

  private static List<String> threadsStillRunning(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(THREAD_GRACE_MILLIS);
    List<String> running = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (before.contains(thread) || thread.isDaemon() || thread == Thread.currentThread()) {
        continue;
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      thread.join(Math.max(1, left));
      if (thread.isAlive()) {
        running.add(thread.getName());
      }
    }
    return running;
  }

  /** Sockets this process holds, on Linux; 0 where /proc is not there to tell. */
  private static int openSockets() {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return 0;
    }
    try {
      // The first close of any socket makes the JDK open one of its own for good: open and close
      // one first, so that one is never counted against the student.
      SocketChannel.open().close();
      try (Stream<Path> links = Files.list(fds)) {
        return (int) links.filter(StudentMain::isSocket).count();
      }
    } catch (IOException e) {
      report("cannot count open sockets: " + e.getMessage());
      return 0;
    }
  }

  private static boolean isSocket(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString().startsWith("socket:");
    } catch (IOException e) {
      return false; // the descriptor closed while we listed them: not a socket left open
    }
  }

  private static void report(String line) {
    System.err.println(REPORT + line);
    System.err.flush();
  }
}
