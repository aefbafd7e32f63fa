package dev.wirelab.labs.lab08;

import dev.wirelab.labs.lab07.RawWebSocketClient;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.List;

/**
 * Frames built and read by our own {@link FrameCodec}, over lab 07's hand-made connection, sent to
 * a real WebSocket library: if it understands them, the codec is right.
 */
final class FramesByHand {
  static final String JSON = "{\"type\":\"chat\",\"text\":\"hi\"}";

  /** The first 8 bytes of every PNG file: binary data that is not valid text. */
  static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /** Just past the 7-bit form (0-125): its length needs the 16-bit form. */
  static final int MEDIUM_SIZE = 300;

  /** Just past the 16-bit form (0-65 535): its length needs the 64-bit form. */
  static final int LARGE_SIZE = 70_000;

  private final Narrator narrator;

  FramesByHand(Narrator narrator) {
    this.narrator = narrator;
  }

  void run(String host, int port) throws IOException {
    try (RawWebSocketClient webSocket = RawWebSocketClient.connect(host, port, "/")) {
      narrator.say(
          "upgraded by hand (lab 07): %s, Sec-WebSocket-Accept %s matches our own computation",
          webSocket.response().startLine(), webSocket.serverAccept());
      FrameStream frames = webSocket.frames().tappedBy(this::annotate);

      narrator.say("before we send anything, the server has already pushed a frame:");
      frames.receive();

      exchange(frames, "a JSON text message", List.of(Frame.text(JSON)));
      exchange(frames, "binary: a PNG signature", List.of(Frame.binary(PNG_SIGNATURE)));
      exchange(
          frames,
          "one text message in two fragments: FIN=0, then a continuation with FIN=1",
          List.of(Frame.firstFragment(Opcode.TEXT, "Hel"), Frame.continuation(true, "lo")));
      exchange(
          frames,
          "a ping; the answer must be a pong with the same bytes",
          List.of(Frame.ping("are you there?")));
      exchange(
          frames,
          MEDIUM_SIZE + " bytes: the 16-bit length form",
          List.of(Frame.binary(new byte[MEDIUM_SIZE])));
      exchange(
          frames,
          LARGE_SIZE + " bytes: the 64-bit length form",
          List.of(Frame.binary(new byte[LARGE_SIZE])));

      narrator.say(
          "--- close: status 1000 (normal closure); the server answers with a close of its own");
      narrator.say("closing handshake done, server's status %d", webSocket.closeHandshake());
    }
  }

  /** Sends one message's frames and reads the one frame that answers them. */
  private void exchange(FrameStream frames, String what, List<Frame> message) throws IOException {
    narrator.say("--- %s", what);
    for (Frame frame : message) {
      frames.send(frame);
    }
    Frame reply = frames.receive();
    if (reply.opcode() == Opcode.CLOSE) {
      throw new ProtocolException(
          "the server closed the connection (status "
              + reply.closeCode()
              + ") instead of answering");
    }
  }

  private void annotate(String direction, byte[] wire) {
    narrator.say("%s:", direction);
    FrameDump.annotate(wire).forEach(line -> narrator.say("  %s", line));
  }
}
