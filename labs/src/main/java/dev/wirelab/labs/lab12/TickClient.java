package dev.wirelab.labs.lab12;

import dev.wirelab.chat.socketio.protocol.Packet;
import dev.wirelab.chat.socketio.protocol.PacketType;
import dev.wirelab.chat.socketio.protocol.ProtocolException;
import dev.wirelab.labs.lab11.JavaClients;
import dev.wirelab.labs.lab11.LabClient;
import dev.wirelab.labs.lab11.SioNotation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;
import org.json.JSONException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of the experiment: counts the ticks it receives, and can drop its connection right
 * after a chosen tick. What it does to get missed ticks back depends on the strategy.
 */
final class TickClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TickClient.class);

  /** {@code cutAt} when no cut is armed. */
  private static final int NOT_ARMED = Integer.MAX_VALUE;

  private final Strategy strategy;
  private final LabClient client;

  /** Sent in every CONNECT; with recovery the client adds its private id and last offset here. */
  private final Map<String, String> auth = new ConcurrentHashMap<>(Map.of("name", "reader"));

  private final List<Integer> received = new ArrayList<>();
  private final Map<Integer, CompletableFuture<Void>> arrivals = new ConcurrentHashMap<>();

  /** Durable offsets seen above {@link #complete}. */
  private final Set<Long> seenOffsets = new HashSet<>();

  /** The durable offset up to which every offset has been seen. */
  private long complete;

  /** The tick after which to drop the connection. */
  private final AtomicInteger cutAt = new AtomicInteger(NOT_ARMED);

  TickClient(JavaClients clients, Strategy strategy) {
    this.strategy = strategy;
    this.client = clients.create("client", "/", auth, this::frame);
    client.on("tick", this::onTick);
  }

  /**
   * The JavaScript client does this by itself: keep the {@code pid} of the CONNECT reply, to show
   * it when reconnecting. The Java client 2.1 does not, so the lab does it here.
   */
  private void frame(boolean outgoing, String text) {
    if (outgoing || strategy != Strategy.RECOVERY) {
      return;
    }
    try {
      SioNotation.decode(text)
          .filter(packet -> packet.type() == PacketType.CONNECT && packet.data() != null)
          .map(Packet::data)
          .filter(data -> data.hasNonNull("pid"))
          .ifPresent(data -> auth.put("pid", data.get("pid").asText()));
    } catch (ProtocolException e) {
      LOG.warn("not a Socket.IO packet from the server: {} ({})", text, e.getMessage());
    }
  }

  private void onTick(Object[] args) {
    int tick = ((Number) args[0]).intValue();
    switch (strategy) {
      // Recovery appends the offset of the event as its last argument: the client shows it on
      // reconnecting.
      case RECOVERY -> auth.put("offset", String.valueOf(args[args.length - 1]));
      case DURABLE -> {
        if (!isNew(((Number) args[1]).longValue())) {
          return;
        }
      }
      case NONE -> {}
    }
    record(tick);
  }

  /**
   * Notes a durable offset as seen; false when it was seen before, and the tick is dropped. Live
   * ticks may arrive while a replay is on its way, so offsets can come out of order: the client
   * asks for a replay after the last offset up to which it has seen every one.
   */
  private boolean isNew(long offset) {
    synchronized (seenOffsets) {
      if (offset <= complete || !seenOffsets.add(offset)) {
        return false;
      }
      while (seenOffsets.remove(complete + 1)) {
        complete++;
      }
      return true;
    }
  }

  private void record(int tick) {
    synchronized (received) {
      received.add(tick);
    }
    arrivals.computeIfAbsent(tick, t -> new CompletableFuture<>()).complete(null);
    cutIfReached(tick);
  }

  /** Cuts once, the first time a tick at or after the armed one has arrived. */
  private void cutIfReached(int tick) {
    int armed = cutAt.get();
    if (armed != NOT_ARMED && tick >= armed && cutAt.compareAndSet(armed, NOT_ARMED)) {
      client.tap().cut();
    }
  }

  /** Connects; with durable offsets, then asks for every tick after the last offset it saw. */
  void connect() throws IOException, InterruptedException {
    client.connect();
    if (strategy == Strategy.DURABLE) {
      long after;
      synchronized (seenOffsets) {
        after = complete;
      }
      Object[] answer = client.emitWithAck("replay", after);
      try {
        JSONArray missed = (JSONArray) answer[0];
        for (int i = 0; i < missed.length(); i++) {
          JSONArray entry = missed.getJSONArray(i);
          if (isNew(entry.getLong(0))) {
            record(entry.getInt(1));
          }
        }
      } catch (JSONException | ClassCastException | ArrayIndexOutOfBoundsException e) {
        throw new IOException(
            "the server's replay answer is not [[offset, tick], ...]: " + Arrays.toString(answer),
            e);
      }
    }
  }

  /**
   * Drops the connection as soon as {@code tick} has arrived; completes when the client noticed.
   */
  CompletableFuture<Void> cutAfter(int tick) {
    CompletableFuture<Void> disconnected = client.whenDisconnected();
    cutAt.set(tick);
    // The tick may have come already, while this was being armed.
    received().stream().max(Integer::compare).ifPresent(this::cutIfReached);
    return disconnected;
  }

  void await(CompletableFuture<?> future, String what) throws IOException, InterruptedException {
    client.await(future, what);
  }

  /** The number of the server's latest tick. */
  int serverNow() throws IOException, InterruptedException {
    Object[] answer = client.emitWithAck("now");
    if (answer.length == 0 || !(answer[0] instanceof Number now)) {
      throw new IOException(
          "the server did not say which tick it is at: " + Arrays.toString(answer));
    }
    return now.intValue();
  }

  void awaitTick(int tick) throws IOException, InterruptedException {
    client.await(arrivals.computeIfAbsent(tick, t -> new CompletableFuture<>()), "tick " + tick);
  }

  List<Integer> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  LabClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
  }
}
