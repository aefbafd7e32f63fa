package dev.wirelab.labs.lab03;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.Stopping;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The Kurose &amp; Ross UDP pinger server: sends every datagram back to where it came from, except
 * the share that {@link SimulatedLoss} drops, and after {@code delayMillis}.
 */
final class PingServer implements AutoCloseable {
  /** The largest UDP payload over IPv4, so no ping is ever cut short here. */
  static final int MAX_PAYLOAD = 65_507;

  private static final long STOP_TIMEOUT_MILLIS = 5_000;

  private final DatagramSocket socket;
  private final SimulatedLoss loss;
  private final long delayMillis;
  private final Narrator narrator;
  private final Thread receiver;
  // Delayed replies wait here instead of blocking the receiver: pings keep arriving meanwhile.
  private final ScheduledExecutorService replies =
      Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "lab03-replies"));
  private final List<String> dropped = Collections.synchronizedList(new ArrayList<>());
  private final Semaphore handled = new Semaphore(0);

  private PingServer(
      DatagramSocket socket, SimulatedLoss loss, long delayMillis, Narrator narrator) {
    this.socket = socket;
    this.loss = loss;
    this.delayMillis = delayMillis;
    this.narrator = narrator;
    this.receiver = new Thread(this::serve, "lab03-server");
  }

  static PingServer start(
      String host, int port, SimulatedLoss loss, long delayMillis, Narrator narrator)
      throws IOException {
    DatagramSocket socket = new DatagramSocket(null);
    try {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    PingServer server = new PingServer(socket, loss, delayMillis, narrator);
    narrator.say(
        "listening on %s: no accept, no connection, just datagrams",
        Endpoint.of(socket.getLocalSocketAddress()));
    server.receiver.start();
    return server;
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    byte[] buffer = new byte[MAX_PAYLOAD];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException e) {
        if (!socket.isClosed()) {
          narrator.say("receive failed: %s", e.getMessage());
        }
        continue;
      }
      String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      SocketAddress sender = packet.getSocketAddress();
      if (loss.drop()) {
        dropped.add(text);
        narrator.say("dropped %s from %s (simulated loss)", quote(text), Endpoint.of(sender));
      } else {
        byte[] reply = text.getBytes(StandardCharsets.UTF_8);
        replies.schedule(() -> reply(reply, sender), delayMillis, TimeUnit.MILLISECONDS);
      }
      handled.release();
    }
  }

  private void reply(byte[] reply, SocketAddress to) {
    try {
      socket.send(new DatagramPacket(reply, reply.length, to));
      narrator.say(
          "echoed %s to %s after %d ms",
          quote(new String(reply, StandardCharsets.UTF_8)), Endpoint.of(to), delayMillis);
    } catch (IOException e) {
      narrator.say("reply to %s failed: %s", Endpoint.of(to), e.getMessage());
    }
  }

  /** Blocks until the server stops: for server mode, where only Ctrl-C stops it. */
  void awaitStop() throws InterruptedException {
    receiver.join();
  }

  /**
   * Waits until {@code count} datagrams have been received (echoed or dropped); false on timeout.
   */
  boolean awaitHandled(int count, long timeoutMillis) throws InterruptedException {
    return handled.tryAcquire(count, timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** The payloads dropped so far, in arrival order. */
  List<String> dropped() {
    return List.copyOf(dropped);
  }

  /** Stops receiving; replies still waiting out their delay are abandoned, as a crash would. */
  @Override
  public void close() {
    socket.close();
    Stopping.join(receiver, STOP_TIMEOUT_MILLIS);
    int abandoned = replies.shutdownNow().size();
    if (abandoned > 0) {
      narrator.say("stopped with %d delayed replies unsent", abandoned);
    }
    if (!Stopping.shutdownNow(replies, STOP_TIMEOUT_MILLIS)) {
      narrator.say("a reply was still being sent after %d ms", STOP_TIMEOUT_MILLIS);
    }
  }

  private static String quote(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    // nc sends the newline you typed: show it, rather than break the line in two.
    return '"' + shown.replace("\r", "\\r").replace("\n", "\\n") + '"';
  }
}
