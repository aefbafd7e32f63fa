package dev.wirelab.labs.lab07;

import dev.wirelab.labs.support.ByteCounter;
import dev.wirelab.labs.support.ClientSockets;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 GETs typed by hand over one kept-alive TCP connection, with every byte counted. */
public final class RawHttpClient implements AutoCloseable {
  /** A server that accepted but never answers must not hang the lab. */
  public static final int READ_TIMEOUT_MILLIS = 10_000;

  /** What came back: the head as it travelled, and the body Content-Length announced. */
  public record Reply(HttpHead head, byte[] body) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String host;
  private final int port;
  private final ByteCounter traffic;

  private RawHttpClient(Socket socket, String host, int port, ByteCounter traffic)
      throws IOException {
    this.socket = socket;
    this.host = host;
    this.port = port;
    this.traffic = traffic;
    this.in = new BufferedInputStream(traffic.counting(socket.getInputStream()));
    this.out = traffic.counting(socket.getOutputStream());
  }

  public static RawHttpClient connect(String host, int port) throws IOException {
    Socket socket = ClientSockets.connect(host, port, READ_TIMEOUT_MILLIS);
    try {
      return new RawHttpClient(socket, host, port, new ByteCounter());
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * The request this client sends for {@code target}, headers as a browser-like client sends them.
   */
  public String request(String target) {
    return "GET "
        + target
        + " HTTP/1.1\r\n"
        + "Host: "
        + host
        + ":"
        + port
        + "\r\n"
        + "User-Agent: wirelab-lab\r\n"
        + "Accept: */*\r\n"
        + "\r\n";
  }

  public Reply get(String target) throws IOException {
    out.write(request(target).getBytes(StandardCharsets.US_ASCII));
    out.flush();
    HttpHead head =
        HttpHead.read(in)
            .orElseThrow(
                () ->
                    new ProtocolException("the server closed the connection instead of answering"));
    int length;
    try {
      length = Integer.parseInt(head.header("Content-Length"));
    } catch (NumberFormatException e) {
      throw new ProtocolException("response without a usable Content-Length: " + head.startLine());
    }
    return new Reply(head, in.readNBytes(length));
  }

  /** Bytes this client put on the wire and read from it, headers included. */
  public ByteCounter traffic() {
    return traffic;
  }

  public int localPort() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
