package dev.wirelab.labs.lab06;

import dev.wirelab.labs.support.ClientSockets;
import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An HTTP client with no HTTP library: it writes the request text to a TCP socket and prints what
 * comes back, line endings made visible, {@code >} for what was sent and {@code <} for what was
 * received, as {@code curl -v} does.
 */
public final class RawHttpClient implements AutoCloseable {
  /** A server that accepted but never answers must not hang the lab. */
  private static final int READ_TIMEOUT_MILLIS = 5_000;

  private final Socket socket;
  private final ResponseReader responses;
  private final PrintWriter out;
  private final Narrator narrator;

  private RawHttpClient(Socket socket, PrintWriter out, Narrator narrator) throws IOException {
    this.socket = socket;
    this.responses = new ResponseReader(socket.getInputStream());
    this.out = out;
    this.narrator = narrator;
  }

  public static RawHttpClient connect(String host, int port, PrintWriter out, Narrator narrator)
      throws IOException {
    Socket socket = ClientSockets.connect(host, port, READ_TIMEOUT_MILLIS);
    try {
      narrator.say(
          "connected %s -> %s",
          Endpoint.of(socket.getLocalSocketAddress()),
          Endpoint.of(socket.getRemoteSocketAddress()));
      return new RawHttpClient(socket, out, narrator);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Sends {@code request} exactly as given and prints the response; empty when the server had
   * already closed the connection.
   */
  public Optional<ResponseReader.RawResponse> send(String request) throws IOException {
    byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
    print("> ", bytes);
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    boolean head = request.startsWith("HEAD ");
    Optional<ResponseReader.RawResponse> response = responses.next(head);
    if (response.isEmpty()) {
      narrator.say("no response: the server had closed the connection");
      return response;
    }
    print("< ", response.get().bytes());
    narrator.say(
        "received %d bytes: a %d-byte head and a %d-byte body%s",
        response.get().bytes().length,
        response.get().head().length,
        response.get().body().length,
        head ? " (HEAD: the headers describe a body that is not sent)" : "");
    return response;
  }

  /** After {@code Connection: close}: the next read sees the end of the stream. */
  public boolean serverClosed() throws IOException {
    return socket.getInputStream().read() == -1;
  }

  private void print(String direction, byte[] bytes) {
    synchronized (out) {
      VisibleCrlf.lines(bytes).forEach(line -> out.println(direction + line));
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
