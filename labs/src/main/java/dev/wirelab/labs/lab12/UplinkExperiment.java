package dev.wirelab.labs.lab12;

import dev.wirelab.labs.lab11.JavaClients;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;

/**
 * The other direction: the client sends notes with unique ids and retries each until acked, and one
 * ack is lost with the connection after the server stored the note. With dedupe the retry is
 * acknowledged without storing it again; without, it is stored twice.
 */
final class UplinkExperiment {
  /** What the server ended up with. */
  record Result(boolean dedupe, int notes, int sends, int stored, int duplicated) {}

  /** An Engine.IO message ({@code 4}) holding a Socket.IO ACK ({@code 3}) on {@code /}. */
  private static final String ACK_FRAME = "43";

  private final String host;
  private final int port;
  private final int notes;
  private final int lostAckAt;
  private final Narrator narrator;

  UplinkExperiment(String host, int port, int notes, int lostAckAt, Narrator narrator) {
    this.host = host;
    this.port = port;
    this.notes = notes;
    this.lostAckAt = lostAckAt;
    this.narrator = narrator;
  }

  Result run(boolean dedupe) throws IOException, InterruptedException {
    try (TickServer server =
            TickServer.start(host, port, Strategy.DURABLE, dedupe, narrator.as("server"));
        JavaClients clients = new JavaClients(host, server.port(), narrator);
        TickClient client = new TickClient(clients, Strategy.DURABLE)) {
      client.connect();
      NoteSender sender = new NoteSender(client, narrator.as("client"));
      int sends = 0;
      for (int note = 1; note <= notes; note++) {
        if (note == lostAckAt) {
          client.client().tap().cutBeforeNextReceived(frame -> frame.startsWith(ACK_FRAME));
        }
        sends += sender.send("note-" + note, "text " + note);
      }
      return new Result(dedupe, notes, sends, server.notes().stored(), server.notes().duplicated());
    }
  }
}
