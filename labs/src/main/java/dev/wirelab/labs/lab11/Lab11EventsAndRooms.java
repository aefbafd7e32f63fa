package dev.wirelab.labs.lab11;

import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lab 11: run {@code ./wirelab lab 11 demo} and watch events, acks, rooms and namespaces packet by
 * packet.
 */
@Command(
    name = "11",
    description =
        "Events, acks, rooms and namespaces with the chat server's Socket.IO engine, packet by packet.",
    mixinStandardHelpOptions = true)
public final class Lab11EventsAndRooms implements Callable<Integer> {
  @Mixin LabEndpoint endpoint;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      defaultValue = "student",
      description = "client: the name you introduce yourself with (default: ${DEFAULT-VALUE})")
  String name;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    LabRunner.main(new Lab11EventsAndRooms(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf("lab 11 Events, acks, rooms and namespaces: %s%n", endpoint);
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"));
      case client -> visit(narrator);
      case demo -> demo(narrator);
    }
    return 0;
  }

  private void demo(Narrator narrator) throws Exception {
    try (SocketIoLabServer server =
            SocketIoLabServer.start(endpoint.host(), endpoint.port(), SocketIoOptions.defaults());
        JavaClients clients = new JavaClients(endpoint.host(), server.port(), narrator)) {
      Classroom classroom = new Classroom(server.io(), narrator.as("server"));
      narrator
          .as("server")
          .say(
              "Socket.IO on port %d; -> is a packet a client sends, <- one it receives",
              server.port());
      new Walkthrough(server.io(), classroom, clients, narrator).run();
    }
  }

  private void serve(Narrator narrator) throws InterruptedException, BindException {
    try (SocketIoLabServer server =
        SocketIoLabServer.start(endpoint.host(), endpoint.port(), SocketIoOptions.defaults())) {
      new Classroom(server.io(), narrator);
      narrator.say(
          "Socket.IO on port %d; try: ./wirelab lab 11 client --port %d --name ada (Ctrl-C stops)",
          server.port(), server.port());
      LanHint.say(narrator, "11", endpoint.host(), server.port());
      // Server mode has no end of its own: it serves until the user presses Ctrl-C.
      new CountDownLatch(1).await();
    }
  }

  private void visit(Narrator narrator) throws Exception {
    try (JavaClients clients = new JavaClients(endpoint.host(), endpoint.port(), narrator);
        LabClient you = clients.create(name, "/", Map.of("name", name))) {
      you.connect();
      narrator.as(name).say("connected as %s", you.id());
      CompletableFuture<Object[]> echo = you.next("chat");
      you.emit("chat", "hello from " + name);
      narrator.as(name).say("everyone got: %s", Arrays.toString(you.await(echo, "chat")));
      narrator
          .as(name)
          .say("sum(20, 22) answered: %s", Arrays.toString(you.emitWithAck("sum", 20, 22)));
      narrator
          .as(name)
          .say("joined physics, rooms: %s", Arrays.toString(you.emitWithAck("join", "physics")));
    }
  }
}
