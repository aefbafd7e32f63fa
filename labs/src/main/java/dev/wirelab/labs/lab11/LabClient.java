package dev.wirelab.labs.lab11;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.emitter.Emitter;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.OkHttpClient;

/**
 * One official Java Socket.IO client ({@code io.socket.client.Socket}) over WebSocket, with bounded
 * waits for what a lab needs: connect, emit and wait for the ack, drop the connection. It never
 * reconnects by itself, so a lab decides when the client comes back.
 */
public final class LabClient implements AutoCloseable {
  /**
   * The event a lab's server emits after the others, from the same thread, so the lab can wait for
   * it: what is queued for one connection leaves in the order it was queued, so once this is here,
   * everything emitted before it is here too. Not printed.
   */
  public static final String FLUSH = "flush";

  private static final long WAIT_SECONDS = 10;

  private final String name;
  private final String url;
  private final Socket socket;
  private final PacketTap tap;
  private final List<String> inbox = new ArrayList<>();

  LabClient(
      String name,
      String url,
      Map<String, String> auth,
      OkHttpClient http,
      PacketTap tap,
      boolean pollingFirst) {
    this.name = name;
    this.tap = tap;
    IO.Options options =
        IO.Options.builder()
            .setForceNew(true)
            .setReconnection(false)
            .setTransports(
                pollingFirst
                    ? new String[] {Polling.NAME, WebSocket.NAME}
                    : new String[] {WebSocket.NAME})
            .setAuth(auth)
            .build();
    // Polling is plain HTTP requests: the tap hears them as an interceptor of the HTTP client.
    options.callFactory =
        pollingFirst ? http.newBuilder().addInterceptor(tap.polling()).build() : http;
    options.webSocketFactory = tap;
    this.url = url;
    this.socket = IO.socket(URI.create(url), options);
  }

  public String name() {
    return name;
  }

  /** The id the server gave this client; also the name of its private room. */
  public String id() {
    return socket.id();
  }

  public PacketTap tap() {
    return tap;
  }

  /**
   * Runs {@code listener} for every {@code event}; its arguments end with an {@code Ack} when the
   * server asked for one.
   */
  public LabClient on(String event, Emitter.Listener listener) {
    socket.on(event, listener);
    return this;
  }

  /** Keeps every {@code event} in this client's inbox, for {@link #takeInbox}. */
  public LabClient collect(String... events) {
    for (String event : events) {
      socket.on(
          event,
          args -> {
            synchronized (inbox) {
              inbox.add(event + " " + Arrays.toString(args));
            }
          });
    }
    return this;
  }

  /**
   * What arrived since the last call, oldest first; wait for a {@link #FLUSH} first to be sure
   * nothing is on its way.
   */
  public List<String> takeInbox() {
    synchronized (inbox) {
      List<String> taken = List.copyOf(inbox);
      inbox.clear();
      return taken;
    }
  }

  /** Connects (or reconnects) and waits until the server accepted this client in its namespace. */
  public void connect() throws IOException, InterruptedException {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    Emitter.Listener ok = args -> connected.complete(null);
    Emitter.Listener refused = args -> connected.completeExceptionally(refusal(args));
    socket.once(Socket.EVENT_CONNECT, ok).once(Socket.EVENT_CONNECT_ERROR, refused);
    try {
      socket.connect();
      await(connected, "connect");
    } finally {
      socket.off(Socket.EVENT_CONNECT, ok).off(Socket.EVENT_CONNECT_ERROR, refused);
    }
  }

  /** Why the client could not connect: a refused TCP connection, or what the server answered. */
  private IOException refusal(Object[] args) {
    Object reason = args.length > 0 ? args[0] : "no reason given";
    if (reason instanceof Throwable failure
        && failure.getCause() instanceof ConnectException refused) {
      return new ConnectException(url + " (" + refused.getMessage() + ")");
    }
    return new IOException(name + " could not connect to " + url + ": " + reason);
  }

  public void emit(String event, Object... args) {
    socket.emit(event, args);
  }

  /** Emits with an ack id and waits for the server's answer. */
  public Object[] emitWithAck(String event, Object... args)
      throws IOException, InterruptedException {
    return await(request(event, args), event);
  }

  /** Emits with an ack id; the future completes with the server's answer, if one ever comes. */
  public CompletableFuture<Object[]> request(String event, Object... args) {
    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    socket.emit(event, args, answer::complete);
    return answer;
  }

  /** Completes with the arguments of the next {@code event} this client receives. */
  public CompletableFuture<Object[]> next(String event) {
    CompletableFuture<Object[]> received = new CompletableFuture<>();
    socket.once(event, received::complete);
    return received;
  }

  /** Drops the connection as a failing network would, and waits until the client noticed. */
  public void cut() throws IOException, InterruptedException {
    CompletableFuture<Void> disconnected = whenDisconnected();
    tap.cut();
    await(disconnected, "disconnect");
  }

  /** Completes when this client next loses its connection. */
  public CompletableFuture<Void> whenDisconnected() {
    CompletableFuture<Void> disconnected = new CompletableFuture<>();
    socket.once(Socket.EVENT_DISCONNECT, args -> disconnected.complete(null));
    return disconnected;
  }

  /** Waits at most the lab's patience for {@code future}; says what was awaited when it fails. */
  public <T> T await(CompletableFuture<T> future, String what)
      throws IOException, InterruptedException {
    try {
      return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? io
          : new IOException(name + ": " + what + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IOException(name + ": no " + what + " within " + WAIT_SECONDS + " s", e);
    }
  }

  /** Says goodbye (a DISCONNECT packet) and closes the connection. */
  @Override
  public void close() {
    socket.close();
  }
}
