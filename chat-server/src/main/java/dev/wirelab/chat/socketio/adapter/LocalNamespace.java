package dev.wirelab.chat.socketio.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.socketio.protocol.Packet;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an adapter may do to the sockets of its namespace on this node: deliver to them (the {@link
 * LocalDelivery} part), describe them, disconnect them, ask them for acks, and hand a server-side
 * event from another node to the namespace's listeners.
 */
public interface LocalNamespace extends LocalDelivery {
  /** The sockets with these ids that are still connected here, described. */
  List<SocketDetails> describe(Collection<String> socketIds);

  /** Disconnects these sockets; with {@code close}, their whole connections. */
  void disconnect(Collection<String> socketIds, boolean close);

  /**
   * Sends the EVENT {@code packet} to each socket asking for an ack; each ack's first argument (a
   * null node when it has none) goes to {@code onAck}. Returns how many sockets were asked.
   */
  int deliverWithAck(
      Collection<String> socketIds, Packet packet, Duration timeout, Consumer<JsonNode> onAck);

  /**
   * Runs the namespace's server-side listeners for {@code [event, ...args]}; {@code ack} (null when
   * the sender wants none) takes the one answer this node gives.
   */
  void onServerSideEmit(List<JsonNode> eventAndArgs, Consumer<JsonNode> ack);
}
