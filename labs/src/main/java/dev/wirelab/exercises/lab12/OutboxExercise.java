package dev.wirelab.exercises.lab12;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exercise 12: {@code Outbox PORT N}, a client that delivers N notes and handles the server's
 * events over a connection the checker's {@link BreakingServer} keeps breaking.
 */
public final class OutboxExercise {
  static final String MAIN = "Outbox";
  static final int NOTES = 5;
  private static final Duration RUN_BOUND = Duration.ofSeconds(5);
  private static final Pattern EVENT_LINE = Pattern.compile("(?m)^event (\\d+) ");

  private OutboxExercise() {}

  /** What one run left: the server's records, and how often the client printed each event. */
  record Run(BreakingServer server, Map<Integer, Integer> handled, String end) {}

  public static Exercise create() {
    return new Exercise(
        "12",
        "an outbox with retry and dedupe, over cuts",
        List.of(
            new Requirement(
                "delivers",
                "every note reaches the server although the connection keeps breaking",
                judged(OutboxExercise::delivers)),
            new Requirement(
                "same-id", "a note sent again keeps its first id", judged(OutboxExercise::sameId)),
            new Requirement(
                "events",
                "every event is handled (printed) at least once",
                judged(OutboxExercise::events)),
            new Requirement(
                "no-duplicates",
                "no event is handled twice",
                judged(OutboxExercise::noDuplicates))));
  }

  private static Requirement.Check judged(Function<Run, Verdict> judge) {
    return code -> {
      try (BreakingServer server = BreakingServer.start(NOTES)) {
        StudentProcess client =
            code.startProgram(MAIN, String.valueOf(server.port()), String.valueOf(NOTES));
        client.closeInput();
        boolean ended = client.awaitExit(RUN_BOUND);
        Map<Integer, Integer> handled = new TreeMap<>();
        Matcher line = EVENT_LINE.matcher(client.stdout());
        while (line.find()) {
          handled.merge(Integer.parseInt(line.group(1)), 1, Integer::sum);
        }
        String end =
            ended
                ? "your program " + client.describeEnd()
                : "your program was still running after " + RUN_BOUND.toSeconds() + " s";
        return judge.apply(
            new Run(server, handled, end + ", after " + server.connections() + " connection(s)"));
      }
    };
  }

  static Verdict delivers(Run run) {
    List<String> missing = new ArrayList<>(run.server().expectedTexts());
    missing.removeAll(run.server().storedTexts());
    return Verdict.when(
        missing.isEmpty(),
        "all " + NOTES + " notes stored by the server",
        "missing " + missing + "; " + run.end(),
        "keep each note until its ACK, and send every unacknowledged note again after reconnecting");
  }

  static Verdict sameId(Run run) {
    Map<String, java.util.Set<String>> several = run.server().textsUnderSeveralIds();
    if (run.server().storedTexts().isEmpty()) {
      return Verdict.fail(
          "notes sent, and retried under their first id",
          "no note arrived; " + run.end(),
          "send SEND <id> <text> for each note");
    }
    return Verdict.when(
        several.isEmpty(),
        "each note under one id, however often it is sent",
        "sent under several ids: " + several,
        "the id belongs to the note, not to the attempt: the server dedupes by it");
  }

  static Verdict events(Run run) {
    List<Integer> missing = new ArrayList<>();
    for (int event = 1; event <= BreakingServer.EVENTS; event++) {
      if (!run.handled().containsKey(event)) {
        missing.add(event);
      }
    }
    return Verdict.when(
        missing.isEmpty(),
        "the lines \"event 1 ...\" to \"event " + BreakingServer.EVENTS + " ...\" printed",
        "events " + missing + " never printed; " + run.end(),
        "print each EVENT and answer GOT <n>; after a reconnect the server sends the unreceipted ones again");
  }

  static Verdict noDuplicates(Run run) {
    Map<Integer, Integer> twice = new TreeMap<>();
    run.handled()
        .forEach(
            (event, times) -> {
              if (times > 1) {
                twice.put(event, times);
              }
            });
    if (run.handled().isEmpty()) {
      return Verdict.fail(
          "each event printed exactly once",
          "no event printed; " + run.end(),
          "print \"event <n> <text>\" for each EVENT line");
    }
    return Verdict.when(
        twice.isEmpty(),
        "each event printed exactly once",
        "printed more than once (event=times): " + twice,
        "a redelivered event is one whose GOT was lost: remember the numbers you handled, and skip those");
  }
}
