package dev.wirelab.labs.lab02;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Two writes, one read: TCP delivers a stream of bytes and keeps no message boundaries. */
final class Coalescing {
  /**
   * @param bytesRead what the receiver's single read returned
   */
  record Result(String bytesRead) {}

  private Coalescing() {}

  static Result run(Narrator narrator) throws IOException {
    try (SocketPair pair = SocketPair.open()) {
      // Nagle's algorithm would merge the writes in the sender; switch it off to show that the
      // receiver merges them anyway, because its buffer is one run of bytes.
      pair.client().setTcpNoDelay(true);
      OutputStream out = pair.client().getOutputStream();
      byte[] first = "hello".getBytes(StandardCharsets.US_ASCII);
      byte[] second = "world".getBytes(StandardCharsets.US_ASCII);
      out.write(first);
      narrator.say("write #1: \"hello\" (5 bytes)");
      out.write(second);
      narrator.say("write #2: \"world\" (5 bytes), sent as its own segment (TCP_NODELAY on)");

      SocketPair.awaitAvailable(pair.server(), first.length + second.length);
      byte[] buffer = new byte[1024];
      int n = pair.server().getInputStream().read(buffer);
      String read = new String(buffer, 0, n, StandardCharsets.US_ASCII);
      narrator.say(
          "one read() with both writes waiting returned %d bytes: \"%s\" "
              + "(where one write ended is nowhere in the stream)",
          n, read);
      return new Result(read);
    }
  }
}
