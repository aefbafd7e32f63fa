package dev.wirelab.labs.lab02;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Both ends talk at once over one connection; the timestamps show both directions busy together.
 */
final class Conversation {
  static final int MESSAGES = 5;

  /**
   * What each end heard, and whether the two ends' talking times overlapped.
   *
   * @param overlapMillis how long both ends were sending at the same time
   */
  record Result(List<String> serverHeard, List<String> clientHeard, double overlapMillis) {}

  private Conversation() {}

  static Result run(Narrator narrator) throws IOException, InterruptedException {
    try (SocketPair pair = SocketPair.open()) {
      Timeline timeline = new Timeline();
      DuplexPeer server = DuplexPeer.startListening(pair.server(), narrator.as("server"), timeline);
      DuplexPeer client = DuplexPeer.startListening(pair.client(), narrator.as("client"), timeline);
      CountDownLatch go = new CountDownLatch(1);
      server.startWriting(new Script("server", server, go));
      client.startWriting(new Script("client", client, go));
      go.countDown();
      server.awaitEnd(SocketPair.READ_TIMEOUT_MILLIS, SocketPair.READ_TIMEOUT_MILLIS);
      client.awaitEnd(SocketPair.READ_TIMEOUT_MILLIS, SocketPair.READ_TIMEOUT_MILLIS);

      long overlapStart = Math.max(server.firstSent(), client.firstSent());
      long overlapEnd = Math.min(server.lastSent(), client.lastSent());
      double overlapMillis = Math.max(0, overlapEnd - overlapStart) / 1e6;
      narrator.say(
          "server talked from %s to %s, client from %s to %s: both directions were busy "
              + "for the same %.3f ms, on one connection (full duplex)",
          timeline.label(server.firstSent()),
          timeline.label(server.lastSent()),
          timeline.label(client.firstSent()),
          timeline.label(client.lastSent()),
          overlapMillis);
      return new Result(server.heard(), client.heard(), overlapMillis);
    }
  }

  /**
   * Message 1 at the start signal, then message k+1 as soon as the other end's message k is heard:
   * each end talks on while the other's words are still arriving, nobody waits for a turn.
   */
  private static final class Script implements DuplexPeer.LineSource {
    private final String speaker;
    private final DuplexPeer self;
    private final CountDownLatch go;
    private int said;

    Script(String speaker, DuplexPeer self, CountDownLatch go) {
      this.speaker = speaker;
      this.self = self;
      this.go = go;
    }

    @Override
    public String next() throws IOException, InterruptedException {
      if (said == MESSAGES) {
        return null;
      }
      boolean ready =
          said == 0
              ? go.await(SocketPair.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
              : self.awaitHeard(said, SocketPair.READ_TIMEOUT_MILLIS);
      if (!ready) {
        throw new IOException(
            speaker
                + " heard nothing from the other end for "
                + SocketPair.READ_TIMEOUT_MILLIS
                + " ms");
      }
      said++;
      return speaker + " message " + said;
    }
  }
}
