package dev.wirelab.exercises.lab02;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.sandbox.StudentProcess;
import dev.wirelab.exercises.wire.TcpProbe;
import dev.wirelab.inspector.app.Quote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Exercise 02: a full-duplex peer, {@code FramedPeer PORT}, that sends each line of its input as a
 * length-prefixed frame and prints each frame it receives, while the checker splits and merges the
 * byte stream.
 */
public final class FramedPeerExercise {
  static final String MAIN = "FramedPeer";
  private static final Duration CONNECT_BOUND = Duration.ofSeconds(15);
  private static final Duration BOUND = Duration.ofSeconds(3);

  private FramedPeerExercise() {}

  public static Exercise create() {
    return new Exercise(
        "02",
        "a full-duplex peer with length-prefixed frames",
        List.of(
            new Requirement(
                "sends-frames",
                "sends each input line as one frame: 4-byte length in bytes, then UTF-8",
                FramedPeerExercise::sendsFrames),
            new Requirement(
                "half-close",
                "at the end of its input, finishes sending (FIN) and still prints what arrives",
                FramedPeerExercise::halfCloses),
            new Requirement(
                "split-frames",
                "reassembles a frame that arrives a byte at a time",
                FramedPeerExercise::splitFrames),
            new Requirement(
                "merged-frames",
                "separates frames that arrive in one piece",
                FramedPeerExercise::mergedFrames),
            new Requirement(
                "full-duplex",
                "prints what arrives while it waits for its input",
                FramedPeerExercise::fullDuplex)));
  }

  /** A student's peer connected to the checker. */
  @FunctionalInterface
  private interface PeerCheck {
    Verdict run(StudentProcess peer, TcpProbe checker) throws Exception;
  }

  private static Verdict withPeer(StudentCode code, PeerCheck check) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      StudentProcess peer = code.startServer(MAIN, Integer.toString(listener.getLocalPort()));
      try (TcpProbe checker = TcpProbe.accept(listener, peer, CONNECT_BOUND, "checker")) {
        return check.run(peer, checker);
      }
    }
  }

  static byte[] frame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
  }

  /** The frames in {@code bytes}, as far as they are complete. */
  static List<String> frames(byte[] bytes) {
    List<String> frames = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.remaining() >= 4) {
      int length = buffer.getInt(buffer.position());
      if (length < 0 || buffer.remaining() < 4 + length) {
        break;
      }
      buffer.getInt();
      byte[] payload = new byte[length];
      buffer.get(payload);
      frames.add(new String(payload, StandardCharsets.UTF_8));
    }
    return frames;
  }

  private static Verdict sendsFrames(StudentCode code) throws Exception {
    return withPeer(
        code,
        (peer, checker) -> {
          List<String> lines = List.of("hello", "grüße, 👋");
          peer.send(String.join("\n", lines) + "\n");
          peer.closeInput();
          TcpProbe.Read got = checker.readToEnd(BOUND);
          ByteArrayOutputStream expected = new ByteArrayOutputStream();
          for (String line : lines) {
            expected.write(frame(line));
          }
          return Verdict.when(
                  Arrays.equals(got.bytes(), expected.toByteArray()),
                  "2 frames, [0 0 0 5]\"hello\" and [0 0 0 15]\"grüße, 👋\" (15 bytes of UTF-8)",
                  "you sent " + got.bytes().length + " bytes: " + describe(got.bytes()),
                  "the length is the payload's byte count: byte[] payload = line.getBytes(UTF_8);"
                      + " out.writeInt(payload.length); out.write(payload)")
              .withFrames(checker.frames());
        });
  }

  private static Verdict halfCloses(StudentCode code) throws Exception {
    return withPeer(
        code,
        (peer, checker) -> {
          peer.closeInput();
          TcpProbe.Read got = checker.readToEnd(BOUND);
          if (got.end() != TcpProbe.End.CLOSED) {
            return Verdict.fail(
                    "your FIN once your input ended",
                    "your direction was still open after " + BOUND.toSeconds() + " s",
                    "at the end of the input call socket.shutdownOutput(): it sends a FIN and keeps"
                        + " the socket open for reading")
                .withFrames(checker.frames());
          }
          try {
            checker.send(frame("after your FIN"));
          } catch (IOException e) {
            return Verdict.fail(
                    "to send you a frame after your FIN",
                    "your socket was closed (" + e.getMessage() + ")",
                    "shutdownOutput(), not close(): then keep reading until read() returns -1")
                .withFrames(checker.frames());
          }
          boolean printed = peer.awaitOutput("after your FIN\n", BOUND);
          return Verdict.when(
                  printed,
                  "\"after your FIN\" printed: it came after your FIN",
                  "you printed " + Quote.text(peer.stdout()),
                  "shutdownOutput() closes only your sending direction: keep reading and printing"
                      + " until read() returns -1")
              .withFrames(checker.frames());
        });
  }

  private static Verdict splitFrames(StudentCode code) throws Exception {
    return withPeer(
        code,
        (peer, checker) -> {
          peer.closeInput();
          String text = "sent a byte at a time";
          byte[] frame = frame(text);
          for (int i = 0; i < frame.length; i++) {
            try {
              checker.send(new byte[] {frame[i]});
            } catch (IOException e) {
              return Verdict.fail(
                  "to send all " + frame.length + " bytes of one frame, one by one",
                  "your program closed the connection after "
                      + i
                      + " of them (it printed "
                      + Quote.text(peer.stdout())
                      + ")",
                  "one read() may return one byte: read the 4-byte length and then exactly that"
                      + " many bytes with DataInputStream.readInt and readFully");
            }
            // A pause between bytes makes each one its own segment, and so its own read().
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
          }
          boolean printed = peer.awaitOutput(text + "\n", BOUND);
          return Verdict.when(
              printed,
              "the line \"" + text + "\"",
              "you printed " + Quote.text(peer.stdout()),
              "one read() may return one byte: read the 4-byte length and then exactly that many"
                  + " bytes with DataInputStream.readInt and readFully");
        });
  }

  private static Verdict mergedFrames(StudentCode code) throws Exception {
    return withPeer(
        code,
        (peer, checker) -> {
          peer.closeInput();
          ByteArrayOutputStream three = new ByteArrayOutputStream();
          for (String text : List.of("one", "two", "three")) {
            three.write(frame(text));
          }
          checker.send(three.toByteArray());
          boolean printed = peer.awaitOutput("one\ntwo\nthree\n", BOUND);
          return Verdict.when(
                  printed,
                  "three lines, \"one\", \"two\", \"three\"",
                  "you printed " + Quote.text(peer.stdout()),
                  "one read() may return several frames: read exactly one frame's bytes at a time")
              .withFrames(checker.frames());
        });
  }

  private static Verdict fullDuplex(StudentCode code) throws Exception {
    return withPeer(
        code,
        (peer, checker) -> {
          checker.send(frame("hello from the checker"));
          if (!peer.awaitOutput("hello from the checker\n", BOUND)) {
            return Verdict.fail(
                "\"hello from the checker\" printed while your input is silent",
                "you printed " + Quote.text(peer.stdout()),
                "read the socket on a thread of its own, so it never waits for the keyboard");
          }
          peer.send("and back\n");
          TcpProbe.Read got = checker.readBytes(frame("and back").length, BOUND);
          return Verdict.when(
                  frames(got.bytes()).contains("and back"),
                  "the frame \"and back\" right after you read that line",
                  "you sent " + describe(got.bytes()),
                  "send each line as soon as you read it; the socket's reader runs at the same time")
              .withFrames(checker.frames());
        });
  }

  private static String describe(byte[] bytes) {
    if (bytes.length == 0) {
      return "nothing";
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, 32); i++) {
      hex.append(String.format(Locale.ROOT, "%02x ", bytes[i]));
    }
    return hex.toString().strip() + (bytes.length > 32 ? " …" : "");
  }
}
