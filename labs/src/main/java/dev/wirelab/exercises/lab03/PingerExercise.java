package dev.wirelab.exercises.lab03;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Unmet;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.sandbox.StudentProcess;
import dev.wirelab.inspector.app.Quote;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exercise 03: the Kurose &amp; Ross UDP pinger, {@code PingClient HOST PORT}, against the
 * checker's server, which drops some pings and delays the echoes by known amounts.
 */
public final class PingerExercise {
  static final String MAIN = "PingClient";
  private static final int PINGS = 10;

  /** Ten pings, two of them lost at 1 s each, and a JVM start on a busy machine. */
  private static final Duration RUN_BOUND = Duration.ofSeconds(12);

  private static final List<Integer> DROPPED = List.of(3, 7);

  /** Ping n's echo waits 15 n ms: min 15, avg 82.5, max 150. */
  private static final IntUnaryOperator STAIRS = seq -> 15 * seq;

  /** How much slower than the server's delay a measured RTT may be: a busy JVM, a busy kernel. */
  private static final double SLACK_MILLIS = 80;

  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) sent, (\\d+) received, (\\d+) lost");
  private static final Pattern RTT =
      Pattern.compile(
          "rtt min/avg/max = (\\d+(?:\\.\\d+)?)/(\\d+(?:\\.\\d+)?)/(\\d+(?:\\.\\d+)?) ms");

  private PingerExercise() {}

  public static Exercise create() {
    return new Exercise(
        "03",
        "a UDP pinger with timeouts, loss and RTT statistics",
        List.of(
            new Requirement(
                "ten-pings",
                "sends 10 pings, one datagram each, to the server's port, and ends by itself",
                PingerExercise::sendsTenPings),
            new Requirement(
                "timeout",
                "a ping without a reply times out after 1 s and counts as lost",
                PingerExercise::timesOut),
            new Requirement(
                "rtt",
                "prints the RTT min/avg/max of the replies",
                PingerExercise::rttStatistics)));
  }

  private static Verdict sendsTenPings(StudentCode code) throws Exception {
    try (LossyPingServer server = new LossyPingServer(Set.of(), seq -> 0)) {
      StudentProcess pinger = run(code, server);
      List<LossyPingServer.Arrival> arrivals = server.arrivals();
      for (int i = 0; i < arrivals.size(); i++) {
        if (arrivals.get(i).seq() != i + 1) {
          return Verdict.fail(
                  "datagram " + (i + 1) + " to be \"PING " + (i + 1) + " <time>\"",
                  "it was " + Quote.text(arrivals.get(i).text()),
                  "send String.format(\"PING %d %d\", seq, System.currentTimeMillis()), seq from 1")
              .withFrames(server.frames());
        }
      }
      if (arrivals.size() != PINGS) {
        return Verdict.fail(
                PINGS + " datagrams",
                "the server got " + arrivals.size(),
                "one send() per ping, ten pings")
            .withFrames(server.frames());
      }
      List<String> reports = pinger.sandboxReports();
      return Verdict.when(
          reports.isEmpty(),
          "nothing left open when main returns",
          "your pinger " + String.join("; ", reports),
          "close the DatagramSocket (try-with-resources) and start no thread you do not join");
    }
  }

  private static Verdict timesOut(StudentCode code) throws Exception {
    try (LossyPingServer server = new LossyPingServer(Set.copyOf(DROPPED), seq -> 0)) {
      StudentProcess pinger = run(code, server);
      List<LossyPingServer.Arrival> arrivals = server.arrivals();
      for (int lost : DROPPED) {
        if (arrivals.size() <= lost) {
          return Verdict.fail(
                  "ping " + (lost + 1) + " after ping " + lost + " timed out",
                  "it never came",
                  "socket.setSoTimeout(1000), and catch SocketTimeoutException")
              .withFrames(server.frames());
        }
        double waited = millis(arrivals.get(lost).nanos() - arrivals.get(lost - 1).nanos());
        if (waited < 900 || waited > 2_500) {
          return Verdict.fail(
                  "about 1000 ms between the lost ping " + lost + " and the next",
                  String.format(Locale.ROOT, "you waited %.0f ms", waited),
                  "the timeout is socket.setSoTimeout(1000): one second for each ping")
              .withFrames(server.frames());
        }
      }
      return summaryOf(pinger.stdout(), 8, 2);
    }
  }

  private static Verdict summaryOf(String stdout, int received, int lost) {
    Matcher summary = SUMMARY.matcher(stdout);
    if (!summary.find()) {
      return Verdict.fail(
          "a line \"10 sent, 8 received, 2 lost (20%)\"",
          "you printed no such line", "print the summary after the last ping");
    }
    String printed = summary.group();
    String expected = PINGS + " sent, " + received + " received, " + lost + " lost";
    return Verdict.when(
        printed.equals(expected),
        "\"" + expected + "\"",
        "you printed \"" + printed + "\"",
        "a ping whose echo did not come within its timeout is lost; count it once");
  }

  private static Verdict rttStatistics(StudentCode code) throws Exception {
    try (LossyPingServer server = new LossyPingServer(Set.of(), STAIRS)) {
      StudentProcess pinger = run(code, server);
      Matcher rtt = RTT.matcher(pinger.stdout());
      String expected =
          "min/avg/max of the 10 replies (15.0/82.5/150.0 ms, a little more"
              + " with the time your program and the kernel take)";
      if (!rtt.find()) {
        return Verdict.fail(
            expected,
            "you printed no line \"rtt min/avg/max = a/b/c ms\"",
            "print String.format(\"rtt min/avg/max = %.3f/%.3f/%.3f ms\", min, avg, max)");
      }
      double[] printed = {
        Double.parseDouble(rtt.group(1)),
        Double.parseDouble(rtt.group(2)),
        Double.parseDouble(rtt.group(3))
      };
      double[] truth = {15, 82.5, 150};
      for (int i = 0; i < 3; i++) {
        if (printed[i] < truth[i] * 0.98 || printed[i] > truth[i] + SLACK_MILLIS) {
          return Verdict.fail(
              expected,
              "you printed " + rtt.group(1) + "/" + rtt.group(2) + "/" + rtt.group(3),
              "measure from just before send() to just after receive(), for each ping:"
                  + " System.nanoTime(), divided by 1e6 for ms");
        }
      }
      return Verdict.pass();
    }
  }

  /** Runs the pinger against {@code server} to its end, or throws Unmet if it does not end. */
  private static StudentProcess run(StudentCode code, LossyPingServer server) throws Exception {
    StudentProcess pinger =
        code.runProgram(RUN_BOUND, MAIN, "127.0.0.1", Integer.toString(server.port()));
    if (pinger.isAlive()) {
      throw new Unmet(
          Verdict.fail(
                  "your pinger to end by itself within " + RUN_BOUND.toSeconds() + " s",
                  "it was still running, after " + server.arrivals().size() + " ping(s)",
                  "a ping that gets no echo must not wait for ever: socket.setSoTimeout(1000)")
              .withFrames(server.frames()));
    }
    if (pinger.exitCode() != 0 && pinger.sandboxReports().isEmpty()) {
      throw new Unmet(
          Verdict.fail(
                  "your pinger to end normally",
                  "it " + pinger.describeEnd(),
                  "run it by hand and read its error")
              .withFrames(server.frames()));
    }
    return pinger;
  }

  private static double millis(long nanos) {
    return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }
}
