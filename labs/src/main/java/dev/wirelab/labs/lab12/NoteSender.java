package dev.wirelab.labs.lab12;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * At-least-once delivery from the client: send a note with a unique id, and send it again after
 * reconnecting until the server acknowledges it. Whether a retry is harmless is the server's part:
 * it must recognise the id.
 */
final class NoteSender {
  private static final int MAX_ATTEMPTS = 3;

  private final TickClient client;
  private final Narrator narrator;

  NoteSender(TickClient client, Narrator narrator) {
    this.client = client;
    this.narrator = narrator;
  }

  /** Sends until acknowledged; returns how many times the note was sent. */
  int send(String id, String text) throws IOException, InterruptedException {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      CompletableFuture<Void> lost = client.client().whenDisconnected();
      CompletableFuture<Object[]> acked = client.client().request("note", id, text);
      client.await(CompletableFuture.anyOf(acked, lost), "ack of " + id);
      if (acked.isDone()) {
        return attempt;
      }
      narrator.say("no ack for %s: the connection dropped; reconnecting to send it again", id);
      client.connect();
    }
    throw new IOException(id + " was not acknowledged after " + MAX_ATTEMPTS + " attempts");
  }
}
