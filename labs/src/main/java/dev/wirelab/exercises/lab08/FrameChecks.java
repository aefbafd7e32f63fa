package dev.wirelab.exercises.lab08;

import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.wire.HttpProbe;
import dev.wirelab.inspector.app.Quote;
import dev.wirelab.labs.lab07.WebSocketHandshake;
import dev.wirelab.labs.lab08.Frame;
import dev.wirelab.labs.lab08.FrameCodec;
import dev.wirelab.labs.lab08.Opcode;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Exercise 08's checks, against a student's WebSocket echo server on {@code host:port}. Each opens
 * its own connection. Only {@link #unmask} uses a real masking key: the others mask with four zero
 * bytes (XOR with 0 changes nothing), so that a decoder that forgets to unmask fails that one
 * requirement and no other.
 */
public final class FrameChecks {
  private static final int TIMEOUT_MILLIS = 3_000;
  private static final byte[] ZERO_KEY = new byte[4];

  private FrameChecks() {}

  public static Verdict unmask(String host, int port) throws IOException {
    byte[] key = {0x37, (byte) 0xFA, 0x21, 0x3D};
    String text = "Hello, frames";
    try (HttpProbe ws = open(host, port)) {
      ws.send(FrameCodec.encode(Frame.text(text).maskedWith(key)));
      Frame echo = FrameCodec.read(ws.in());
      if (echo.opcode() != Opcode.TEXT || !echo.text().equals(text)) {
        return Verdict.fail(
            "a TEXT frame \"" + text + "\"",
            describe(echo),
            "unmask the payload: byte i XOR key[i % 4], the key being the 4 bytes after the length");
      }
      if (echo.masked()) {
        return Verdict.fail(
            "an unmasked frame from the server",
            "the echo has MASK = 1",
            "a server never masks (RFC 6455, section 5.1)");
      }
      return Verdict.pass("\"" + text + "\" masked with key 37 fa 21 3d came back unmasked");
    } catch (EOFException | SocketTimeoutException e) {
      return noAnswer("the echo of a 13-byte masked text frame", e);
    }
  }

  public static Verdict length16(String host, int port) throws IOException {
    return echoes(
        host,
        port,
        new int[] {200, 40_000},
        "126 means: the next 2 bytes are the length, unsigned and big-endian (0-65 535)");
  }

  public static Verdict length64(String host, int port) throws IOException {
    return echoes(
        host,
        port,
        new int[] {70_000},
        "127 means: the next 8 bytes are the length, big-endian; write the same form back");
  }

  public static Verdict ping(String host, int port) throws IOException {
    String text = "are you there?";
    try (HttpProbe ws = open(host, port)) {
      ws.send(FrameCodec.encode(Frame.ping(text).maskedWith(ZERO_KEY)));
      Frame answer = FrameCodec.read(ws.in());
      if (answer.opcode() != Opcode.PONG || !answer.text().equals(text)) {
        return Verdict.fail(
            "a PONG frame \"" + text + "\"",
            describe(answer),
            "answer opcode 0x9 with opcode 0xA and the same payload (RFC 6455, section 5.5.2)");
      }
      return Verdict.pass("ping \"" + text + "\" got its pong");
    } catch (EOFException | SocketTimeoutException e) {
      return noAnswer("a PONG frame", e);
    }
  }

  public static Verdict close(String host, int port) throws IOException {
    try (HttpProbe ws = open(host, port)) {
      ws.send(FrameCodec.encode(Frame.close(1000, "bye").maskedWith(ZERO_KEY)));
      Frame answer = FrameCodec.read(ws.in());
      if (answer.opcode() != Opcode.CLOSE || answer.closeCode() != 1000) {
        return Verdict.fail(
            "a CLOSE frame with status 1000",
            describe(answer),
            "answer a close with a close carrying the same status code (RFC 6455, section 5.5.1)");
      }
      if (!ws.closedByServer()) {
        return Verdict.fail(
            "the server closes the TCP connection after its close frame",
            "the connection stayed open",
            "after the close handshake, the server hangs up first");
      }
      return Verdict.pass("close 1000 answered with close 1000, then the connection ended");
    } catch (EOFException | SocketTimeoutException e) {
      return noAnswer("a CLOSE frame with status 1000", e);
    }
  }

  public static Verdict unmaskedClose(String host, int port) throws IOException {
    try (HttpProbe ws = open(host, port)) {
      ws.send(FrameCodec.encode(Frame.text("not masked")));
      Frame answer = FrameCodec.read(ws.in());
      if (answer.opcode() != Opcode.CLOSE || answer.closeCode() != 1002) {
        return Verdict.fail(
            "a CLOSE frame with status 1002 (protocol error)",
            describe(answer),
            "check the MASK bit of every client frame (RFC 6455, section 5.1)");
      }
      if (!ws.closedByServer()) {
        return Verdict.fail(
            "the server closes the connection after the 1002",
            "the connection stayed open",
            "after failing the connection, close the socket");
      }
      return Verdict.pass("an unmasked frame got close 1002 and the connection ended");
    } catch (EOFException | SocketTimeoutException e) {
      return noAnswer("a CLOSE frame with status 1002", e);
    }
  }

  private static Verdict echoes(String host, int port, int[] sizes, String hint)
      throws IOException {
    Random random = new Random(sizes[0]);
    try (HttpProbe ws = open(host, port)) {
      for (int size : sizes) {
        byte[] payload = new byte[size];
        random.nextBytes(payload);
        ws.send(FrameCodec.encode(Frame.binary(payload).maskedWith(ZERO_KEY)));
        Frame echo;
        try {
          echo = FrameCodec.read(ws.in());
        } catch (EOFException | SocketTimeoutException e) {
          return Verdict.fail(
              "the echo of a " + size + "-byte binary frame",
              e instanceof EOFException ? "the server hung up" : "no whole frame within 3 s",
              hint);
        }
        if (echo.opcode() != Opcode.BINARY || !Arrays.equals(echo.payload(), payload)) {
          return Verdict.fail(
              "a BINARY frame of " + size + " bytes, the same bytes", describe(echo), hint);
        }
      }
      return Verdict.pass("payloads of " + Arrays.toString(sizes) + " bytes came back whole");
    }
  }

  /** Connects and upgrades with a handshake the exercise's given {@code Handshake} accepts. */
  private static HttpProbe open(String host, int port) throws IOException {
    HttpProbe ws = HttpProbe.connect(host, port, TIMEOUT_MILLIS);
    try {
      ws.send(WebSocketHandshake.request(host, port, "/echo", WebSocketHandshake.newKey()));
      HttpProbe.Head head = ws.readHead();
      if (head.status() != 101) {
        throw new java.net.ProtocolException(
            "the upgrade got \"" + head.statusLine() + "\", not 101");
      }
      return ws;
    } catch (IOException e) {
      ws.close();
      throw e;
    }
  }

  private static Verdict noAnswer(String expected, IOException e) {
    return Verdict.fail(
        expected,
        e instanceof EOFException
            ? "the server hung up without sending it"
            : "nothing within " + TIMEOUT_MILLIS / 1000 + " s",
        "read the frame, then write the answer and flush it");
  }

  private static String describe(Frame frame) {
    // A payload the student unmasked wrongly is bytes of any value: escaped, never sent raw to the
    // terminal.
    String text =
        frame.opcode() == Opcode.TEXT
            ? " " + Quote.text(new String(frame.payload(), StandardCharsets.UTF_8))
            : "";
    return "a "
        + frame
        + text
        + (frame.opcode() == Opcode.CLOSE ? ", status " + frame.closeCode() : "");
  }
}
