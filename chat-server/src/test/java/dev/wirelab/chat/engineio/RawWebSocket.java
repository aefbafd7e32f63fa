package dev.wirelab.chat.engineio;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * A minimal RFC 6455 client on a plain socket: it can misbehave on purpose (never answer a ping,
 * never read, send invalid UTF-8), which real clients refuse to do.
 */
final class RawWebSocket implements AutoCloseable {
  static final int CONTINUATION = 0;
  static final int TEXT = 1;
  static final int BINARY = 2;
  static final int CLOSE = 8;

  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final String upgradeResponse;

  private RawWebSocket(Socket socket, String upgradeResponse) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.upgradeResponse = upgradeResponse;
  }

  /**
   * Opens a WebSocket; {@code receiveBuffer} > 0 shrinks the socket's receive buffer first, and
   * {@code headerLines} are added to the upgrade request.
   */
  static RawWebSocket connect(int port, String target, int receiveBuffer, String... headerLines)
      throws IOException {
    Socket socket = new Socket();
    try {
      if (receiveBuffer > 0) {
        socket.setReceiveBufferSize(receiveBuffer);
      }
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(10_000);
      String key =
          Base64.getEncoder()
              .encodeToString("wirelab-test-key".getBytes(StandardCharsets.US_ASCII));
      String request =
          "GET "
              + target
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\n"
              + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
              + key
              + "\r\n"
              + "Sec-WebSocket-Version: 13\r\n"
              + Arrays.stream(headerLines).map(line -> line + "\r\n").collect(Collectors.joining())
              + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      StringBuilder response = new StringBuilder();
      while (!response.toString().endsWith("\r\n\r\n")) {
        int b = socket.getInputStream().read();
        if (b < 0) {
          break;
        }
        response.append((char) b);
      }
      return new RawWebSocket(socket, response.toString());
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  static RawWebSocket connect(int port, String target) throws IOException {
    return connect(port, target, 0);
  }

  /** The status line and headers of the server's answer to the upgrade request. */
  String upgradeResponse() {
    return upgradeResponse;
  }

  void sendText(String text) throws IOException {
    send(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends one masked, final frame with any payload, valid or not. */
  void send(int opcode, byte[] payload) throws IOException {
    send(opcode, payload, true);
  }

  /** Sends one masked frame; {@code fin} false for a fragment that more frames continue. */
  void send(int opcode, byte[] payload, boolean fin) throws IOException {
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    int length = payload.length;
    int first = (fin ? 0x80 : 0) | opcode;
    byte[] header;
    if (length < 126) {
      header = new byte[] {(byte) first, (byte) (0x80 | length)};
    } else if (length < 65536) {
      header = new byte[] {(byte) first, (byte) (0x80 | 126), (byte) (length >> 8), (byte) length};
    } else {
      header = new byte[10];
      header[0] = (byte) first;
      header[1] = (byte) (0x80 | 127);
      for (int i = 0; i < 8; i++) {
        header[9 - i] = (byte) ((long) length >> (8 * i));
      }
    }
    byte[] masked = new byte[length];
    for (int i = 0; i < length; i++) {
      masked[i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    out.write(header);
    out.write(mask);
    out.write(masked);
    out.flush();
  }

  /** Reads the next frame (the server never masks nor fragments what this server sends). */
  Frame read() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    return new Frame(first & 0x0f, payload);
  }

  /**
   * Reads frames until the server ends the connection, with a FIN or, when unread data was still on
   * its way in, a reset; returns the last frame seen, or null.
   */
  Frame readUntilClosed() throws IOException {
    Frame last = null;
    for (int frames = 0; frames < 10_000; frames++) {
      try {
        last = read();
      } catch (EOFException e) {
        return last;
      } catch (SocketException e) {
        if (!"Connection reset".equals(e.getMessage())) {
          throw e;
        }
        return last;
      }
    }
    throw new IOException("the server kept sending and never closed");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
