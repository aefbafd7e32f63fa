package dev.wirelab.exercises.lab11;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One Socket.IO client the checker drives, connected to {@code /} under a name (the official Java
 * client, {@link JavaChatPeers}); an interface so that another client can play a part.
 */
public interface ChatPeer extends AutoCloseable {
  /** Emits {@code event} with text arguments and waits up to {@code patience} for the ack. */
  Optional<List<String>> request(String event, Duration patience, String... args)
      throws IOException, InterruptedException;

  /** The {@code said} events received so far, oldest first, each as its arguments in text. */
  List<List<String>> said();

  @Override
  void close() throws IOException;

  /** Makes connected peers for one server. */
  @FunctionalInterface
  interface Factory {
    ChatPeer connect(String name) throws IOException, InterruptedException;
  }
}
