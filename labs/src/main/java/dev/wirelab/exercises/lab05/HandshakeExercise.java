package dev.wirelab.exercises.lab05;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Unmet;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.sandbox.StudentProcess;
import dev.wirelab.inspector.app.Quote;
import dev.wirelab.inspector.decode.FrameDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Exercise 05: {@code HandshakeFinder FILE} reads a pcap capture and prints the frames of the TCP
 * handshake and teardown and the handshake's RTT. The checker writes the captures, so it knows the
 * answers; each failure shows the capture in the packet inspector's notation.
 */
public final class HandshakeExercise {
  static final String MAIN = "HandshakeFinder";
  private static final Duration RUN_BOUND = Duration.ofSeconds(15);
  private static final Pattern HANDSHAKE = Pattern.compile("(?m)^handshake((?: \\d+)+)\\s*$");
  private static final Pattern TEARDOWN = Pattern.compile("(?m)^teardown((?: \\d+)+)\\s*$");
  private static final Pattern RTT = Pattern.compile("(?m)^rtt (\\d+(?:\\.\\d+)?) ms\\s*$");

  private HandshakeExercise() {}

  public static Exercise create() {
    return new Exercise(
        "05",
        "find the handshake and teardown in a capture, and the RTT",
        List.of(
            new Requirement(
                "handshake",
                "names the frames of the three-way handshake",
                code -> eachCapture(code, HandshakeExercise::handshake)),
            new Requirement(
                "teardown",
                "names the frames of the teardown, 3 or 4 of them",
                code -> eachCapture(code, HandshakeExercise::teardown)),
            new Requirement(
                "rtt",
                "computes the RTT from the SYN to the SYN-ACK",
                code -> eachCapture(code, HandshakeExercise::rtt))));
  }

  @FunctionalInterface
  private interface Judge {
    Verdict judge(Conversation capture, String output);
  }

  private static Verdict eachCapture(StudentCode code, Judge judge) throws Exception {
    for (Conversation capture : Conversation.all()) {
      Path file = Files.createTempFile(code.classes(), "capture-", ".pcap");
      Files.write(file, capture.pcap());
      StudentProcess finder = code.runProgram(RUN_BOUND, MAIN, file.toString());
      if (finder.isAlive() || finder.exitCode() != 0) {
        throw new Unmet(
            Verdict.fail(
                    "your program to read " + capture.name() + " and end",
                    finder.isAlive()
                        ? "it was still running after " + RUN_BOUND.toSeconds() + " s"
                        : "it " + finder.describeEnd(),
                    "try it by hand on a capture: ./wirelab lab 05 demo --save my.pcap")
                .withFrames(inspect(capture)));
      }
      Verdict verdict = judge.judge(capture, finder.stdout());
      if (!verdict.passed()) {
        // The capture helps when there is an answer to compare it with.
        return finder.stdout().isBlank() ? verdict : verdict.withFrames(inspect(capture));
      }
    }
    return Verdict.pass();
  }

  private static Verdict handshake(Conversation capture, String output) {
    return frames(
        HANDSHAKE,
        "handshake",
        capture.handshake(),
        capture,
        output,
        "the handshake is the client's SYN, the server's SYN+ACK, and the client's ACK of it;"
            + " other frames (UDP, data) come before and between");
  }

  private static Verdict teardown(Conversation capture, String output) {
    return frames(
        TEARDOWN,
        "teardown",
        capture.teardown(),
        capture,
        output,
        "from the first FIN to the ACK of the last FIN: a FIN and its ACK may travel in one"
            + " segment, so a close takes 3 or 4 segments");
  }

  private static Verdict frames(
      Pattern pattern,
      String word,
      List<Integer> truth,
      Conversation capture,
      String output,
      String hint) {
    String expected = "\"" + word + " " + join(truth) + "\" for " + capture.name();
    Matcher line = pattern.matcher(output);
    if (!line.find()) {
      return Verdict.fail(expected, "you printed " + Quote.text(output), hint);
    }
    List<Integer> printed =
        Arrays.stream(line.group(1).strip().split(" ")).map(Integer::valueOf).toList();
    return Verdict.when(
        printed.equals(truth),
        expected,
        "you printed \"" + word + " " + join(printed) + "\"",
        hint);
  }

  private static Verdict rtt(Conversation capture, String output) {
    double truth = capture.rttMicros() / 1000.0;
    String expected = String.format(Locale.ROOT, "\"rtt %.3f ms\" for %s", truth, capture.name());
    String hint =
        "the RTT is the SYN-ACK's timestamp minus the SYN's (seconds and"
            + " microseconds of each record header), in milliseconds";
    Matcher line = RTT.matcher(output);
    if (!line.find()) {
      return Verdict.fail(expected, "you printed " + Quote.text(output), hint);
    }
    double printed = Double.parseDouble(line.group(1));
    return Verdict.when(
        Math.abs(printed - truth) <= 0.001,
        expected,
        "you printed \"" + line.group().strip() + "\"",
        hint);
  }

  private static String join(List<Integer> numbers) {
    return numbers.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }

  /** The capture as the inspector's one-line summaries: the student can check by eye. */
  static List<String> inspect(Conversation capture) {
    FrameDecoder decoder = FrameDecoder.withInstalledDecoders(FrameDecoder.Detail.SUMMARY);
    ByteBuffer file = ByteBuffer.wrap(capture.pcap()).order(ByteOrder.LITTLE_ENDIAN);
    file.position(24);
    List<String> lines = new ArrayList<>();
    for (int number = 1; file.remaining() >= 16; number++) {
      long seconds = file.getInt() & 0xffffffffL;
      int micros = file.getInt();
      int length = file.getInt();
      file.getInt();
      byte[] data = new byte[length];
      file.get(data);
      String summary = decoder.decode(number, seconds, micros * 1000, length, 1, data).summary();
      lines.add(String.format(Locale.ROOT, "%d %d.%06d %s", number, seconds, micros, summary));
    }
    return lines;
  }
}
