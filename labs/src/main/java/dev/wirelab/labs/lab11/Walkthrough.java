package dev.wirelab.labs.lab11;

import dev.wirelab.chat.socketio.Args;
import dev.wirelab.chat.socketio.SocketIoServer;
import dev.wirelab.labs.support.Narrator;
import io.socket.client.Ack;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo's story: one server, three clients (alice, bob, carol), one Socket.IO feature per step.
 */
final class Walkthrough {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  /** A PNG's 8-byte signature and the start of its first chunk: a "photo" small enough to read. */
  private static final byte[] PHOTO = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };

  private final SocketIoServer io;
  private final Classroom classroom;
  private final JavaClients clients;
  private final Narrator narrator;

  Walkthrough(SocketIoServer io, Classroom classroom, JavaClients clients, Narrator narrator) {
    this.io = io;
    this.classroom = classroom;
    this.clients = clients;
    this.narrator = narrator;
  }

  void run() throws IOException, InterruptedException, ExecutionException, TimeoutException {
    narrator.heading(
        "0. three clients connect to /; each socket starts in a room named after its id");
    LabClient alice = join("alice");
    LabClient bob = join("bob");
    LabClient carol = join("carol");
    LabClient[] everyone = {alice, bob, carol};
    try {
      narrator.heading(
          "1. alice emits 'chat': the server's 'chat' handler runs and emits to every client");
      // With an ack, alice knows the handler ran, and so did its emit to everyone.
      alice.emitWithAck("chat", "hi");
      showInboxes(everyone);

      narrator.heading(
          "2. acks: alice asks the server, then the server asks bob, and each waits for the answer");
      narrator
          .as("alice")
          .say("sum(20, 22) answered: %s", Arrays.toString(alice.emitWithAck("sum", 20, 22)));
      Args answer =
          classroom
              .socket("bob")
              .orElseThrow()
              .emitWithAck("quiz", PATIENCE, "2 + 2 = ?")
              .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      narrator.as("server").say("bob answered the quiz: %s", answer);

      narrator.heading("3. a private message: the server emits to bob's id, a room only bob is in");
      io.to(bob.id()).emit("private", "see me after class");
      showInboxes(everyone);

      narrator.heading("4. alice and bob join the room 'physics'");
      alice.emitWithAck("join", "physics");
      bob.emitWithAck("join", "physics");
      narrator.as("server").say("physics: %s", classroom.members("physics"));

      narrator.heading(
          "5. a broadcast to 'physics' reaches alice and bob; carol, outside, gets nothing");
      io.to("physics").emit("news", "lab at 10");
      showInboxes(everyone);

      narrator.heading("6. bob leaves 'physics': the next broadcast reaches alice only");
      bob.emitWithAck("leave", "physics");
      io.to("physics").emit("news", "lab moved to room 2");
      showInboxes(everyone);

      narrator.heading(
          "7. alice's connection drops: the server takes her out of every room by itself");
      narrator.as("server").say("physics before: %s", classroom.members("physics"));
      alice.cut();
      narrator.as("server").say("%s is gone", classroom.awaitDeparture(PATIENCE));
      narrator.as("server").say("physics after: %s", classroom.members("physics"));

      narrator.heading(
          "8. carol opens a second socket, in the namespace /admin: what is emitted in one namespace stays there");
      try (LabClient carolAdmin =
          clients.create("carol@admin", Classroom.ADMIN, Map.of("name", "carol"))) {
        carolAdmin.collect("notice", "chat").connect();
        classroom.admin().emit("notice", "grades are out");
        io.emit("chat", "server: hello, /");
        narrator
            .as("server")
            .say(
                "sockets in /: %d, in %s: %d",
                io.mainNamespace().sockets().size(),
                Classroom.ADMIN,
                classroom.admin().sockets().size());
        showInboxes(bob, carol, carolAdmin);
      }

      narrator.heading("9. binary: bob emits a photo, bytes not JSON, and waits for the ack");
      narrator
          .as("bob")
          .say(
              "the photo's ack: %s bytes arrived",
              Arrays.toString(bob.emitWithAck("photo", (Object) PHOTO)));

      narrator.heading("10. dave starts on HTTP long-polling, then upgrades to WebSocket");
      CompletableFuture<Void> upgraded = new CompletableFuture<>();
      PacketPrinter printer = new PacketPrinter(narrator.as("dave"));
      PacketTap.Listener watching =
          new PacketTap.Listener() {
            @Override
            public void frame(boolean outgoing, String text) {
              printer.frame(outgoing, text);
              if (outgoing && text.equals("5")) {
                upgraded.complete(null);
              }
            }

            @Override
            public void polling(boolean outgoing, String method, String body) {
              printer.polling(outgoing, method, body);
            }
          };
      try (LabClient dave =
          clients.createPollingFirst("dave", "/", Map.of("name", "dave"), watching)) {
        dave.connect();
        dave.await(upgraded, "the upgrade");
        narrator
            .as("dave")
            .say(
                "sum(1, 2) answered over the WebSocket: %s",
                Arrays.toString(dave.emitWithAck("sum", 1, 2)));
      }
    } finally {
      for (LabClient client : everyone) {
        client.close();
      }
    }
  }

  private LabClient join(String name) throws IOException, InterruptedException {
    LabClient client =
        clients
            .create(name, "/", Map.of("name", name))
            .collect("chat", "private", "news")
            .on(
                "quiz",
                args -> {
                  narrator.as(name).say("quiz %s: answering 4", args[0]);
                  ((Ack) args[args.length - 1]).call(4);
                });
    client.connect();
    return client;
  }

  /** Waits until each client has everything the server sent so far, then prints what it got. */
  private void showInboxes(LabClient... clients) throws IOException, InterruptedException {
    List<CompletableFuture<Object[]>> flushed =
        Arrays.stream(clients).map(client -> client.next(LabClient.FLUSH)).toList();
    io.emit(LabClient.FLUSH);
    classroom.admin().emit(LabClient.FLUSH);
    for (int i = 0; i < clients.length; i++) {
      clients[i].await(flushed.get(i), "flush");
      narrator.as(clients[i].name()).say("inbox: %s", clients[i].takeInbox());
    }
  }
}
