package dev.wirelab.exercises.lab11;

import dev.wirelab.labs.lab11.JavaClients;
import dev.wirelab.labs.lab11.LabClient;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Official Java Socket.IO clients ({@code io.socket:socket.io-client}) as checker peers. */
public final class JavaChatPeers implements ChatPeer.Factory, AutoCloseable {
  private final JavaClients clients;

  public JavaChatPeers(String host, int port) {
    this.clients =
        new JavaClients(host, port, new Narrator(new PrintWriter(new StringWriter()), "checker"));
  }

  @Override
  public ChatPeer connect(String name) throws IOException, InterruptedException {
    LabClient client = clients.create(name, "/", Map.of("name", name), (outgoing, text) -> {});
    List<List<String>> said = new ArrayList<>();
    client.on(
        "said",
        args -> {
          synchronized (said) {
            said.add(Arrays.stream(args).map(String::valueOf).toList());
          }
        });
    client.connect();
    return new ChatPeer() {
      @Override
      public Optional<List<String>> request(String event, Duration patience, String... args)
          throws IOException, InterruptedException {
        CompletableFuture<Object[]> answer = client.request(event, (Object[]) args);
        try {
          Object[] reply = answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
          return Optional.of(Arrays.stream(reply).map(String::valueOf).toList());
        } catch (TimeoutException e) {
          return Optional.empty();
        } catch (ExecutionException e) {
          throw new IOException(name + ": " + event + " failed", e.getCause());
        }
      }

      @Override
      public List<List<String>> said() {
        synchronized (said) {
          return List.copyOf(said);
        }
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  @Override
  public void close() {
    clients.close();
  }
}
