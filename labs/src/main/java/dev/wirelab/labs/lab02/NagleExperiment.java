package dev.wirelab.labs.lab02;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.Locale;

/**
 * Write, write, read: a request sent in two small writes, then a wait for the reply. With Nagle's
 * algorithm the second write waits for the ACK of the first, and the receiver delays that ACK
 * hoping to piggyback it on a reply, which it cannot send before the whole request.
 */
final class NagleExperiment {
  private static final byte[] HEADER = {'G', 'E'};
  private static final byte[] BODY = {'T', '\n'};

  /** Round-trip times in microseconds, one per round, with Nagle on and with TCP_NODELAY. */
  record Result(long[] nagleMicros, long[] noDelayMicros) {}

  private NagleExperiment() {}

  static Result run(Narrator narrator, int rounds) throws Exception {
    long[] nagle = measure(false, rounds);
    narrator.say("Nagle on      (default): %s", describe(nagle));
    long[] noDelay = measure(true, rounds);
    narrator.say("TCP_NODELAY on          : %s", describe(noDelay));
    return new Result(nagle, noDelay);
  }

  private static long[] measure(boolean noDelay, int rounds) throws Exception {
    try (SocketPair pair = SocketPair.open()) {
      Socket client = pair.client();
      client.setTcpNoDelay(noDelay);
      BackgroundTask server =
          BackgroundTask.start(
              "lab02-nagle-server",
              () -> {
                InputStream in = pair.server().getInputStream();
                OutputStream out = pair.server().getOutputStream();
                for (int i = 0; i < rounds; i++) {
                  if (in.readNBytes(HEADER.length + BODY.length).length
                      < HEADER.length + BODY.length) {
                    throw new IOException("the client hung up in round " + (i + 1));
                  }
                  out.write('!');
                }
                return null;
              });

      long[] micros = new long[rounds];
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        client.getOutputStream().write(HEADER);
        client.getOutputStream().write(BODY);
        if (client.getInputStream().read() != '!') {
          throw new IOException("no reply in round " + (i + 1));
        }
        micros[i] = (System.nanoTime() - start) / 1_000;
      }
      server.await();
      return micros;
    }
  }

  private static String describe(long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "%d rounds of write-write-read, median %.3f ms, min %.3f ms, max %.3f ms",
        micros.length,
        sorted[sorted.length / 2] / 1e3,
        sorted[0] / 1e3,
        sorted[sorted.length - 1] / 1e3);
  }
}
