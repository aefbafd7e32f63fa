package dev.wirelab.exercises.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A student's program running in its own JVM: what it printed, whether it ended and how, and the
 * launcher's reports about it. Closing it kills it (and anything it started) for sure.
 */
public final class StudentProcess implements AutoCloseable {
  /** The most of a program's output kept: a program printing in a loop must not fill the heap. */
  private static final int MAX_OUTPUT_CHARS = 1 << 20;

  private final String mainClass;
  private final Process process;
  private final StringBuilder stdout = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  StudentProcess(String mainClass, Process process) {
    this.mainClass = mainClass;
    this.process = process;
    this.stdoutReader = drain(process.getInputStream(), stdout, "stdout");
    this.stderrReader = drain(process.getErrorStream(), stderr, "stderr");
  }

  private Thread drain(InputStream from, StringBuilder into, String name) {
    Thread reader =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (InputStream in = from) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  synchronized (into) {
                    if (into.length() < MAX_OUTPUT_CHARS) {
                      into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                    into.notifyAll();
                  }
                }
              } catch (IOException e) {
                synchronized (into) {
                  into.append("\n[wirelab: lost the rest of the program's ")
                      .append(name)
                      .append(": ")
                      .append(e.getMessage())
                      .append("]\n");
                }
              }
            },
            "student-" + name + "-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /** The child JVM's process id: a checker may look at it from outside (its threads, say). */
  public long pid() {
    return process.pid();
  }

  public String mainClass() {
    return mainClass;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code bound} for the program to end by itself. */
  public boolean awaitExit(Duration bound) throws InterruptedException {
    boolean ended = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    if (ended) {
      // Its output is complete once the readers saw the end of both streams.
      stdoutReader.join(2_000);
      stderrReader.join(2_000);
    }
    return ended;
  }

  /** The exit code, once {@link #awaitExit} said it ended. */
  public int exitCode() {
    return process.exitValue();
  }

  /** Everything it wrote to stdout so far, decoded as UTF-8. */
  public String stdout() {
    synchronized (stdout) {
      return stdout.toString();
    }
  }

  /** Its stderr so far, without the launcher's reports. */
  public String stderr() {
    return String.join("\n", stderrLines(false));
  }

  /** The launcher's reports: main missing or throwing, threads or sockets left behind. */
  public List<String> sandboxReports() {
    return stderrLines(true).stream()
        .map(line -> line.substring(StudentMain.REPORT.length()))
        .toList();
  }

  private List<String> stderrLines(boolean reports) {
    String text;
    synchronized (stderr) {
      text = stderr.toString();
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(StudentMain.REPORT) == reports && !(line.isEmpty() && !reports)) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Waits up to {@code bound} until stdout contains {@code text}; false if it did not. */
  public boolean awaitOutput(String text, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    synchronized (stdout) {
      while (stdout.indexOf(text) < 0) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || (!process.isAlive() && !stdoutReader.isAlive())) {
          return stdout.indexOf(text) >= 0;
        }
        stdout.wait(Math.min(left, 50));
      }
      return true;
    }
  }

  /** Writes to its stdin. */
  public void send(String text) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write(text.getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Closes its stdin: the program reads the end of input. */
  public void closeInput() throws IOException {
    process.getOutputStream().close();
  }

  /**
   * Waits up to {@code bound} until something accepts TCP connections on {@code port} of 127.0.0.1,
   * which for a server exercise means the student's server listens.
   *
   * @return empty when it listens, otherwise what happened instead, as a phrase
   */
  public Optional<String> awaitListening(int port, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        awaitExit(Duration.ofSeconds(1));
        return Optional.of("it " + describeEnd() + " before it listened");
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return Optional.empty();
      } catch (IOException refused) {
        // Not listening yet: a JVM takes a moment to start. Ask again shortly, within the bound.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25));
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
    return Optional.of("nothing listened on port " + port + " within " + bound.toSeconds() + " s");
  }

  /**
   * How it ended, as a phrase: "exited with code 1 (main threw java.lang.NullPointerException (at
   * EchoServer.java:12))". Call it after {@link #awaitExit} returned true.
   */
  public String describeEnd() {
    if (process.isAlive()) {
      return "is still running";
    }
    List<String> reports = sandboxReports();
    if (!reports.isEmpty()) {
      return "stopped: " + String.join("; ", reports);
    }
    String said = lastLine(stderr());
    return "exited with code " + process.exitValue() + (said.isEmpty() ? "" : " (" + said + ")");
  }

  private static String lastLine(String text) {
    String trimmed = text.strip();
    int newline = trimmed.lastIndexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(newline + 1).strip();
  }

  /** Kills it and everything it started, and waits until it is gone. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("student process " + process.pid() + " did not die");
      }
      stdoutReader.join(2_000);
      stderrReader.join(2_000);
      closeInputOfDeadProcess();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeInputOfDeadProcess() {
    try {
      process.getOutputStream().close();
    } catch (IOException brokenPipe) {
      // The process is gone: nobody is left to read what its stdin could not take.
      synchronized (stderr) {
        stderr.append("\n[wirelab: its stdin: ").append(brokenPipe.getMessage()).append("]\n");
      }
    }
  }
}
