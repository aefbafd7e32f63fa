package dev.wirelab.exercises.lab14;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Unmet;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.sandbox.StudentProcess;
import dev.wirelab.labs.lab14.NameServer;
import dev.wirelab.labs.lab14.Zone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Exercise 14: a DNS client, {@code DnsClient PORT NAME TYPE}, against lab 14's name server: the
 * query by hand, the answer parsed with compression, CNAMEs, TC and TCP, and malformed answers
 * refused.
 */
public final class DnsClientExercise {
  static final String MAIN = "DnsClient";
  private static final Duration RUN_BOUND = Duration.ofSeconds(8);

  private DnsClientExercise() {}

  public static Exercise create() {
    return new Exercise(
        "14",
        "a DNS client: query, answer, CNAME, TC",
        List.of(
            new Requirement(
                "a-record",
                "asks for web.wirelab.test and prints its A record",
                code ->
                    expect(
                        code,
                        "web.wirelab.test",
                        "A",
                        "A 127.0.0.80",
                        "build the header (id, RD, QDCOUNT=1), the name as labels (3 web 7 wirelab 4 test"
                            + " 0), then QTYPE and QCLASS; print the answer as TYPE data")),
            new Requirement(
                "cname",
                "follows www.wirelab.test's CNAME, through compressed names",
                code ->
                    expect(
                        code,
                        "www.wirelab.test",
                        "A",
                        "A 127.0.0.80",
                        "the answer is a CNAME whose data ends in a pointer (0xc0..): read the name"
                            + " there, then ask again for it")),
            new Requirement(
                "tcp-fallback",
                "asks again over TCP when the answer has TC set",
                code ->
                    expect(
                        code,
                        "big.wirelab.test",
                        "TXT",
                        "TXT \"line 12 of a TXT record too big for one UDP answer\"",
                        "flag 0x0200 (TC) means the answer did not fit: send the same query over TCP,"
                            + " after a 2-byte length, and read a 2-byte length then the answer")),
            new Requirement(
                "pointer-loop",
                "refuses an answer whose pointer points at itself",
                code ->
                    refuses(
                        code,
                        "a pointer loop",
                        answer -> patch(answer, 0, 0xc0, -1),
                        "a pointer must point before the name it is part of; refuse it otherwise")),
            new Requirement(
                "past-the-end",
                "refuses an answer whose record length runs past its end",
                code ->
                    refuses(
                        code,
                        "a record length past the end",
                        answer -> patch(answer, 10, 0x00, 0xc8),
                        "check every length against the message's length before you read"))));
  }

  private static Verdict expect(
      StudentCode code, String name, String type, String line, String hint) throws Exception {
    List<String> served = Collections.synchronizedList(new ArrayList<>());
    try (NameServer server = NameServer.start("127.0.0.1", 0, Zone.wirelabTest(), served::add)) {
      StudentProcess client = run(code, server.port(), name, type);
      return Verdict.when(
              client.stdout().lines().anyMatch(line::equals),
              "a line " + line + " for " + type + "? " + name,
              "it printed "
                  + quoted(client.stdout())
                  + (client.exitCode() == 0 ? "" : " and " + client.describeEnd()),
              hint)
          .withFrames(List.copyOf(served));
    }
  }

  /** Runs the client against a server that damages every answer with {@code damage}. */
  private static Verdict refuses(
      StudentCode code, String what, UnaryOperator<byte[]> damage, String hint) throws Exception {
    try (NameServer real = NameServer.start("127.0.0.1", 0, Zone.wirelabTest(), line -> {});
        DatagramSocket evil = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      Thread answering = new Thread(() -> answerDamaged(evil, real, damage), "exercise14-evil");
      answering.setDaemon(true);
      answering.start();
      StudentProcess client = run(code, evil.getLocalPort(), "web.wirelab.test", "A");
      String err = client.stderr();
      boolean refused =
          client.exitCode() != 0
              && !err.contains("\tat ")
              && err.lines().filter(l -> !l.isBlank()).count() == 1;
      return Verdict.when(
          refused,
          "for " + what + ": one line on stderr and a non-zero exit, without a stack trace",
          "it "
              + client.describeEnd()
              + ", printing "
              + quoted(client.stdout())
              + " and on"
              + " stderr "
              + quoted(err),
          hint);
    }
  }

  private static void answerDamaged(
      DatagramSocket evil, NameServer real, UnaryOperator<byte[]> damage) {
    byte[] buffer = new byte[512];
    try {
      while (true) {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        evil.receive(packet);
        byte[] query = Arrays.copyOf(buffer, packet.getLength());
        real.answer(query, true, "checker")
            .ifPresent(
                answer -> {
                  byte[] bad = damage.apply(withQueryLength(answer, query.length));
                  try {
                    evil.send(new DatagramPacket(bad, bad.length, packet.getSocketAddress()));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    } catch (IOException closed) {
      // The requirement is over and closed the socket.
    }
  }

  /** Where the first answer starts: just after the question, which is the query's length. */
  private static byte[] withQueryLength(byte[] answer, int queryLength) {
    byte[] marked = Arrays.copyOf(answer, answer.length + 1);
    marked[answer.length] = (byte) queryLength;
    return marked;
  }

  /**
   * Overwrites bytes {@code from} the first answer record on; -1 stands for the low byte of the
   * record's own offset (a pointer to itself).
   */
  private static byte[] patch(byte[] marked, int from, int... bytes) {
    int start = marked[marked.length - 1] & 0xff;
    byte[] answer = Arrays.copyOf(marked, marked.length - 1);
    for (int i = 0; i < bytes.length; i++) {
      answer[start + from + i] = (byte) (bytes[i] == -1 ? start : bytes[i]);
    }
    return answer;
  }

  private static StudentProcess run(StudentCode code, int port, String name, String type)
      throws Exception {
    StudentProcess client = code.runProgram(RUN_BOUND, MAIN, Integer.toString(port), name, type);
    if (client.isAlive()) {
      throw new Unmet(
          Verdict.fail(
              "your client to end by itself within " + RUN_BOUND.toSeconds() + " s",
              "it was still running",
              "every wait needs a bound (setSoTimeout), and every loop over a name an end"));
    }
    return client;
  }

  private static String quoted(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return "nothing";
    }
    String first = trimmed.lines().findFirst().orElse("");
    return "\""
        + (first.length() > 80 ? first.substring(0, 80) + "..." : first)
        + "\""
        + (trimmed.lines().count() > 1 ? " (and more)" : "");
  }
}
