package dev.wirelab.labs.lab02;

import dev.wirelab.labs.support.Narrator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One write, many reads: a large write reaches the receiver in pieces as the window allows. */
final class Splitting {
  static final int MESSAGE_BYTES = 256 * 1024;

  /** A small receive buffer keeps the window small, so the pieces are certain to be small. */
  static final int RECEIVE_BUFFER_BYTES = 16 * 1024;

  /** Room for the whole message: if reads still come back short, the buffer size is not why. */
  static final int READ_BUFFER_BYTES = 1024 * 1024;

  /**
   * @param readSizes how many bytes each read() returned, in order
   */
  record Result(List<Integer> readSizes, boolean intact) {}

  private Splitting() {}

  static Result run(Narrator narrator) throws Exception {
    byte[] message = pattern(MESSAGE_BYTES);
    try (SocketPair pair = SocketPair.open(RECEIVE_BUFFER_BYTES)) {
      BackgroundTask sender =
          BackgroundTask.start(
              "lab02-sender",
              () -> {
                pair.client().getOutputStream().write(message);
                return null;
              });
      narrator.say(
          "one write() of %d bytes; the receiver's buffer is ~%d bytes, each read() "
              + "offers room for %d",
          MESSAGE_BYTES, RECEIVE_BUFFER_BYTES, READ_BUFFER_BYTES);

      InputStream in = pair.server().getInputStream();
      byte[] received = new byte[READ_BUFFER_BYTES];
      List<Integer> readSizes = new ArrayList<>();
      int total = 0;
      while (total < MESSAGE_BYTES) {
        int n = in.read(received, total, READ_BUFFER_BYTES - total);
        if (n == -1) {
          break;
        }
        readSizes.add(n);
        total += n;
      }
      sender.await();
      boolean intact =
          total == MESSAGE_BYTES && Arrays.equals(message, Arrays.copyOf(received, MESSAGE_BYTES));
      narrator.say(
          "it arrived in %d reads (%s); reassembled, the bytes are %s",
          readSizes.size(), summarize(readSizes), intact ? "identical" : "NOT identical");
      return new Result(readSizes, intact);
    }
  }

  /** Bytes that differ from their neighbours, so a piece put back in the wrong place would show. */
  static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + i / 251);
    }
    return bytes;
  }

  private static String summarize(List<Integer> sizes) {
    String shown = sizes.subList(0, Math.min(6, sizes.size())).toString();
    return sizes.size() > 6 ? shown.replace("]", ", ...]") : shown;
  }
}
