package dev.wirelab.labs.lab11;

import dev.wirelab.chat.socketio.Namespace;
import dev.wirelab.chat.socketio.Socket;
import dev.wirelab.chat.socketio.SocketIoServer;
import dev.wirelab.labs.support.Narrator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lab's server side: named event handlers on {@code /} ({@code chat}, {@code sum}, {@code
 * join}, {@code leave}) and a separate {@code /admin} namespace. Clients introduce themselves with
 * {@code {"name": ...}} in their CONNECT auth.
 */
public final class Classroom {
  public static final String ADMIN = "/admin";

  private final SocketIoServer io;
  private final Narrator narrator;
  private final Map<String, Socket> byName = new ConcurrentHashMap<>();
  private final BlockingQueue<String> departures = new LinkedBlockingQueue<>();

  public Classroom(SocketIoServer io, Narrator narrator) {
    this.io = io;
    this.narrator = narrator;
    io.onConnection(this::welcome);
    io.of(ADMIN)
        .onConnection(
            socket -> {
              narrator.say("%s joined namespace %s as %s", nameOf(socket), ADMIN, socket.id());
            });
  }

  private void welcome(Socket socket) {
    String name = nameOf(socket);
    byName.put(name, socket);
    narrator.say("%s connected as %s; its rooms: %s", name, socket.id(), sorted(socket.rooms()));
    socket.on(
        "chat",
        (args, ack) -> {
          narrator.say(
              "handler 'chat' runs for %s: %s; emitting it to everyone", name, args.text(0));
          io.emit("chat", name + ": " + args.text(0));
          ack.send("delivered");
        });
    socket.on("sum", (args, ack) -> ack.send(args.get(0).asLong() + args.get(1).asLong()));
    socket.on(
        "photo",
        (args, ack) -> {
          byte[] photo = args.bytes(0);
          narrator.say(
              "handler 'photo' runs for %s: %d bytes, the attachment put back in place",
              name, photo.length);
          ack.send(photo.length);
        });
    socket.on(
        "join",
        (args, ack) -> {
          socket.join(args.text(0));
          narrator.say("%s joined %s; its rooms: %s", name, args.text(0), sorted(socket.rooms()));
          ack.send(sorted(socket.rooms()));
        });
    socket.on(
        "leave",
        (args, ack) -> {
          socket.leave(args.text(0));
          narrator.say("%s left %s; its rooms: %s", name, args.text(0), sorted(socket.rooms()));
          ack.send(sorted(socket.rooms()));
        });
    socket.onDisconnect(
        reason -> {
          narrator.say(
              "%s disconnected (%s); its rooms now: %s", name, reason, sorted(socket.rooms()));
          byName.remove(name, socket);
          departures.add(name);
        });
  }

  /** The server-side socket of the client called {@code name} on {@code /}. */
  public Optional<Socket> socket(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Who is in {@code room} of {@code /} right now, by name. */
  public List<String> members(String room) {
    return io.to(room).fetchSockets().stream().map(Classroom::nameOf).sorted().toList();
  }

  public Namespace admin() {
    return io.of(ADMIN);
  }

  /**
   * Waits for the next client to leave {@code /}; returns its name, or null after {@code patience}.
   */
  public String awaitDeparture(Duration patience) throws InterruptedException {
    return departures.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  static String nameOf(Socket socket) {
    return socket.handshake().auth().path("name").asText("anonymous");
  }

  private static List<String> sorted(Set<String> rooms) {
    return List.copyOf(new TreeSet<>(rooms));
  }
}
