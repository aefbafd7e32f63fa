package dev.wirelab.labs.lab02;

import dev.wirelab.labs.support.Narrator;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Framing by length: a 4-byte length before every message. Unlike a delimiter it works for any
 * bytes (a newline inside a message is fine) and the receiver knows how much to wait for.
 */
final class LengthPrefixFraming {
  private LengthPrefixFraming() {}

  /**
   * Sends {@code messages} as length-prefixed frames over a small window; returns what was read.
   */
  static List<byte[]> run(Narrator narrator, List<byte[]> messages) throws Exception {
    try (SocketPair pair = SocketPair.open(Splitting.RECEIVE_BUFFER_BYTES)) {
      BackgroundTask sender =
          BackgroundTask.start(
              "lab02-framer",
              () -> {
                DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(pair.client().getOutputStream()));
                for (byte[] message : messages) {
                  out.writeInt(message.length);
                  out.write(message);
                }
                out.flush();
                return null;
              });

      DataInputStream in = new DataInputStream(pair.server().getInputStream());
      List<byte[]> received = new ArrayList<>();
      for (int i = 0; i < messages.size(); i++) {
        int length = in.readInt();
        if (length < 0 || length > Splitting.READ_BUFFER_BYTES) {
          throw new IOException("frame " + (i + 1) + " claims " + length + " bytes: not a frame");
        }
        byte[] message = new byte[length];
        in.readFully(message);
        received.add(message);
        narrator.say(
            "frame %d: length prefix %d, then readFully() waited for exactly %d bytes",
            i + 1, length, message.length);
      }
      sender.await();
      return received;
    }
  }
}
