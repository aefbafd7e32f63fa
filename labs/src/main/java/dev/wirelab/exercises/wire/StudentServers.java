package dev.wirelab.exercises.wire;

import dev.wirelab.exercises.Unmet;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.sandbox.StudentProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Starts a student's server, for exercises where the checker is the client. */
public final class StudentServers {
  /** How long a student's server may take to listen: a JVM start on a busy lab machine. */
  public static final Duration START_BOUND = Duration.ofSeconds(15);

  private StudentServers() {}

  /** A student's server that listens on {@code port}. */
  public record Running(StudentProcess process, int port) {}

  /**
   * Runs {@code mainClass} with a free port as its first argument (then {@code moreArgs}) and waits
   * until it listens there.
   *
   * @throws Unmet when it ends or does not listen in time, saying which
   */
  public static Running start(StudentCode code, String mainClass, String... moreArgs)
      throws IOException, InterruptedException, Unmet {
    int port = StudentCode.freePort();
    String[] args = new String[moreArgs.length + 1];
    args[0] = Integer.toString(port);
    System.arraycopy(moreArgs, 0, args, 1, moreArgs.length);
    StudentProcess process = code.startServer(mainClass, args);
    Optional<String> problem = process.awaitListening(port, START_BOUND);
    if (problem.isPresent()) {
      throw new Unmet(
          Verdict.fail(
              "your server listening on port " + port + " (its first argument)",
              problem.get(),
              "listen on Integer.parseInt(args[0]) and keep main running (accept in a loop)"));
    }
    return new Running(process, port);
  }
}
