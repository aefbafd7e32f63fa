package dev.wirelab.labs.lab12;

import dev.wirelab.chat.socketio.DisconnectReason;
import dev.wirelab.chat.socketio.Socket;
import dev.wirelab.chat.socketio.SocketIoOptions;
import dev.wirelab.chat.socketio.recovery.RecoveryOptions;
import dev.wirelab.labs.lab11.SocketIoLabServer;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server of the experiment: emits numbered {@code tick} events to every client, and takes
 * {@code note}s from clients. What it keeps for a client that is away depends on the strategy.
 */
final class TickServer implements AutoCloseable {
  private static final long WAIT_SECONDS = 10;

  private final SocketIoLabServer server;
  private final Strategy strategy;
  private final Narrator narrator;
  private final DurableLog log = new DurableLog();
  private final NoteStore notes;
  private final BlockingQueue<Socket> arrivals = new LinkedBlockingQueue<>();
  private final BlockingQueue<DisconnectReason> departures = new LinkedBlockingQueue<>();
  private volatile int lastEmitted;

  private TickServer(
      SocketIoLabServer server, Strategy strategy, boolean dedupe, Narrator narrator) {
    this.server = server;
    this.strategy = strategy;
    this.notes = new NoteStore(dedupe);
    this.narrator = narrator;
    server.io().onConnection(this::welcome);
  }

  /**
   * {@code dedupe}: whether a note id seen before is stored again (false) or only acknowledged
   * (true).
   */
  static TickServer start(
      String host, int port, Strategy strategy, boolean dedupe, Narrator narrator)
      throws BindException {
    SocketIoOptions options =
        strategy == Strategy.RECOVERY
            ? SocketIoOptions.defaults().withRecovery(RecoveryOptions.defaults())
            : SocketIoOptions.defaults();
    return new TickServer(SocketIoLabServer.start(host, port, options), strategy, dedupe, narrator);
  }

  private void welcome(Socket socket) {
    arrivals.add(socket);
    socket.onDisconnect(departures::add);
    socket.on("now", (args, ack) -> ack.send(lastEmitted));
    socket.on(
        "replay",
        (args, ack) ->
            ack.send(
                log.after(args.get(0).asLong()).stream()
                    .map(entry -> List.of(entry.offset(), entry.tick()))
                    .toList()));
    socket.on(
        "note",
        (args, ack) -> {
          boolean stored = notes.accept(args.text(0), args.text(1));
          narrator.say(
              "note %s: %s",
              args.text(0),
              stored ? "stored" : "a retry of a stored note: acknowledged, not stored again");
          ack.send(stored ? "stored" : "already stored");
        });
  }

  int port() {
    return server.port();
  }

  NoteStore notes() {
    return notes;
  }

  /**
   * Emits ticks {@code from} to {@code to} to every connected client; with durable offsets, logs
   * each first.
   */
  void emit(int from, int to) {
    for (int tick = from; tick <= to; tick++) {
      if (strategy == Strategy.DURABLE) {
        server.io().emit("tick", tick, log.append(tick));
      } else {
        server.io().emit("tick", tick);
      }
      lastEmitted = tick;
    }
  }

  /** The clients that connected since the last call, for a server that narrates as it goes. */
  List<Socket> drainArrivals() {
    List<Socket> arrived = new ArrayList<>();
    arrivals.drainTo(arrived);
    return arrived;
  }

  /** Why each client left since the last call. */
  List<DisconnectReason> drainDepartures() {
    List<DisconnectReason> reasons = new ArrayList<>();
    departures.drainTo(reasons);
    return reasons;
  }

  /** Waits for the next client to connect (or come back). */
  Socket awaitArrival() throws IOException, InterruptedException {
    return await(arrivals, "no client connected");
  }

  /** Waits for the next client to leave; returns the reason the server saw. */
  DisconnectReason awaitDeparture() throws IOException, InterruptedException {
    return await(departures, "no client left");
  }

  private static <T> T await(BlockingQueue<T> queue, String failure)
      throws IOException, InterruptedException {
    T next = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (next == null) {
      throw new IOException(failure + " within " + WAIT_SECONDS + " s");
    }
    return next;
  }

  @Override
  public void close() {
    server.close();
  }
}
