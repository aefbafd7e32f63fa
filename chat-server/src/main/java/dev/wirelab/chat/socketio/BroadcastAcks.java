package dev.wirelab.chat.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * Collects the acks of one broadcast with ack, as socket.io's broadcast operator does: done when
 * every node has said how many clients it asked ({@code serverCount} of them) and that many acks
 * have arrived. Nodes and acks report in any order, from any thread.
 */
final class BroadcastAcks {
  private final CompletableFuture<List<JsonNode>> result;
  private final List<JsonNode> acks = new ArrayList<>();
  private int expectedServers = -1;
  private int servers;
  private int expectedAcks;

  BroadcastAcks(CompletableFuture<List<JsonNode>> result) {
    this.result = result;
  }

  synchronized void serverCount(int count) {
    expectedServers = count;
    completeIfDone();
  }

  synchronized void clientCount(int count) {
    servers++;
    expectedAcks += count;
    completeIfDone();
  }

  synchronized void ack(JsonNode answer) {
    acks.add(answer);
    completeIfDone();
  }

  synchronized void timeOut() {
    result.completeExceptionally(
        new TimeoutException(
            "broadcast with ack: "
                + acks.size()
                + " of "
                + expectedAcks
                + " acks from "
                + servers
                + " of "
                + (expectedServers < 0 ? "?" : expectedServers)
                + " nodes in time"));
  }

  private void completeIfDone() {
    if (expectedServers >= 0 && servers >= expectedServers && acks.size() >= expectedAcks) {
      result.complete(List.copyOf(acks));
    }
  }
}
