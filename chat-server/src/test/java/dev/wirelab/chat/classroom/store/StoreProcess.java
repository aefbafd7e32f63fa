package dev.wirelab.chat.classroom.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run by {@link StoreDurabilityTest} in a child JVM, like a server process: {@code write FILE N}
 * appends N messages, prints "acked OFFSET" after each commit returns and then waits to be killed;
 * {@code read FILE} opens the file as a restarted server would and prints every message.
 */
public final class StoreProcess {
  private StoreProcess() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[1]);
    if (args[0].equals("write")) {
      write(file, Integer.parseInt(args[2]));
    } else {
      try (MessageStore store = MessageStore.open(file)) {
        store.after("lobby", 0, Integer.MAX_VALUE).forEach(m -> System.out.println(m.text()));
      }
    }
  }

  private static void write(Path file, int count) throws IOException {
    MessageStore store = MessageStore.open(file);
    for (int i = 1; i <= count; i++) {
      ChatMessage stored =
          store.append("lobby", "client-" + i, "writer", "message " + i, i).message();
      System.out.println("acked " + stored.offset());
      System.out.flush();
    }
    // Never closes the store: the parent kills this JVM with the connection open, like kill -9.
    System.in.read();
  }
}
