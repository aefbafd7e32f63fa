package dev.wirelab.labs.lab02;

import dev.wirelab.labs.support.Narrator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Framing by delimiter: a newline after every message, and the receiver splits at newlines. */
final class LineFraming {
  static final List<String> MESSAGES = List.of("hello", "world", "!");

  private LineFraming() {}

  /** Sends {@link #MESSAGES} as separate writes that arrive merged; returns the lines read back. */
  static List<String> run(Narrator narrator) throws IOException {
    try (SocketPair pair = SocketPair.open()) {
      pair.client().setTcpNoDelay(true);
      OutputStream out = pair.client().getOutputStream();
      int sent = 0;
      for (String message : MESSAGES) {
        byte[] frame = (message + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(frame);
        sent += frame.length;
      }
      SocketPair.awaitAvailable(pair.server(), sent);
      narrator.say(
          "%d writes, each ending in \\n, wait as one run of %d bytes", MESSAGES.size(), sent);

      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(pair.server().getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < MESSAGES.size(); i++) {
        lines.add(in.readLine());
      }
      narrator.say("readLine() cuts them at each \\n and gets the messages back: %s", lines);
      return lines;
    }
  }
}
