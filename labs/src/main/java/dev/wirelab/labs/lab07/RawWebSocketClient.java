package dev.wirelab.labs.lab07;

import dev.wirelab.common.cli.UserError;
import dev.wirelab.labs.lab08.Frame;
import dev.wirelab.labs.lab08.FrameStream;
import dev.wirelab.labs.lab08.Opcode;
import dev.wirelab.labs.support.ByteCounter;
import dev.wirelab.labs.support.ClientSockets;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client from a bare TCP socket: it writes the upgrade request by hand, checks the
 * server's {@code Sec-WebSocket-Accept} against its own computation, then speaks frames.
 */
public final class RawWebSocketClient implements AutoCloseable {
  private static final int MAX_FRAMES_BEFORE_CLOSE = 10_000;

  private final Socket socket;
  private final ByteCounter traffic;
  private final String key;
  private final String request;
  private final String expectedAccept;
  private final HttpHead response;
  private final FrameStream frames;
  private final OutputStream rawOut;

  private RawWebSocketClient(Socket socket, ByteCounter traffic, String host, int port, String path)
      throws IOException {
    this.socket = socket;
    this.traffic = traffic;
    InputStream in = new BufferedInputStream(traffic.counting(socket.getInputStream()));
    OutputStream out = traffic.counting(socket.getOutputStream());
    this.key = WebSocketHandshake.newKey();
    this.request = WebSocketHandshake.request(host, port, path, key);
    this.expectedAccept = WebSocketHandshake.acceptFor(key);
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String server = host + ":" + port + path;
    this.response =
        HttpHead.read(in)
            .orElseThrow(
                () -> new UserError(server + " hung up instead of answering the upgrade request"));
    if (!response.target().equals("101")) {
      throw new UserError(
          server
              + " did not switch protocols: "
              + response.startLine()
              + " (is it a WebSocket server, and is the path right?)");
    }
    if (!serverAccept().equals(expectedAccept)) {
      throw new UserError(
          server
              + " sent Sec-WebSocket-Accept \""
              + serverAccept()
              + "\" but the key we sent requires "
              + expectedAccept
              + ": it does not speak RFC 6455");
    }
    this.frames = FrameStream.clientEnd(in, out);
    this.rawOut = out;
  }

  /**
   * Connects to {@code host:port} and upgrades {@code path}; fails unless the server proves it
   * speaks WebSocket.
   */
  public static RawWebSocketClient connect(String host, int port, String path) throws IOException {
    Socket socket = ClientSockets.connect(host, port, RawHttpClient.READ_TIMEOUT_MILLIS);
    try {
      return new RawWebSocketClient(socket, new ByteCounter(), host, port, path);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** The random Sec-WebSocket-Key this client sent. */
  public String key() {
    return key;
  }

  /** The upgrade request exactly as sent. */
  public String request() {
    return request;
  }

  /** The server's answer up to its empty line. */
  public HttpHead response() {
    return response;
  }

  /**
   * What this client computed from its own key: the value a real WebSocket server must send back.
   */
  public String expectedAccept() {
    return expectedAccept;
  }

  public String serverAccept() {
    return response.header("Sec-WebSocket-Accept");
  }

  public FrameStream frames() {
    return frames;
  }

  /**
   * Writes {@code wire} as it is, unmasked and unchecked: to see how a server treats a bad frame.
   */
  public void sendRaw(byte[] wire) throws IOException {
    rawOut.write(wire);
    rawOut.flush();
  }

  /** Bytes this client put on the wire and read from it, the handshake included. */
  public ByteCounter traffic() {
    return traffic;
  }

  public int localPort() {
    return socket.getLocalPort();
  }

  /**
   * The closing handshake (RFC 6455, section 7): send a close frame, read until the server's close
   * frame arrives, then close the TCP connection. Returns the server's status code.
   */
  public int closeHandshake() throws IOException {
    frames.send(Frame.close(1000, "done"));
    // Frames the server sent before it saw our close may still arrive; skip them, within reason.
    for (int skipped = 0; skipped < MAX_FRAMES_BEFORE_CLOSE; skipped++) {
      Frame reply = frames.receive();
      if (reply.opcode() == Opcode.CLOSE) {
        return reply.closeCode();
      }
    }
    throw new ProtocolException(
        "the server sent " + MAX_FRAMES_BEFORE_CLOSE + " frames but no close frame");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
