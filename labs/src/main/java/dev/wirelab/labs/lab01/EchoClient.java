package dev.wirelab.labs.lab01;

import dev.wirelab.labs.support.ClientSockets;
import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends lines to an echo server, prints what comes back, and counts the bytes both ways. */
final class EchoClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Narrator narrator;
  private long bytesSent;
  private long bytesReceived;

  private EchoClient(Socket socket, Narrator narrator) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.narrator = narrator;
  }

  static EchoClient connect(String host, int port, Narrator narrator) throws IOException {
    Socket socket = ClientSockets.connect(host, port, 0);
    try {
      narrator.say(
          "connected %s -> %s (the OS picked our ephemeral port %d)",
          Endpoint.of(socket.getLocalSocketAddress()),
          Endpoint.of(socket.getRemoteSocketAddress()),
          socket.getLocalPort());
      return new EchoClient(socket, narrator);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends every line of {@code input}, each followed by its echo, until input or server ends. */
  void echoAll(BufferedReader input) throws IOException {
    String line;
    while ((line = input.readLine()) != null) {
      if (echo(line) == null) {
        narrator.say("the server closed the connection");
        return;
      }
    }
  }

  /** Sends one line and reads the reply up to its newline; null when the server hung up first. */
  String echo(String line) throws IOException {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(bytes);
    bytesSent += bytes.length;
    String reply = readLine();
    if (reply != null) {
      narrator.say(
          "sent %s (%d bytes), got back %s (%d bytes)",
          quote(line),
          bytes.length,
          quote(reply),
          reply.getBytes(StandardCharsets.UTF_8).length + 1);
    }
    return reply;
  }

  /** Reads bytes up to a newline: TCP delivers a stream, so a line may arrive in any pieces. */
  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      bytesReceived++;
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      line.write(b);
    }
    return null;
  }

  int localPort() {
    return socket.getLocalPort();
  }

  long bytesSent() {
    return bytesSent;
  }

  long bytesReceived() {
    return bytesReceived;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    narrator.say("closed; sent %d bytes, received %d bytes", bytesSent, bytesReceived);
  }

  private static String quote(String text) {
    return '"' + text + '"';
  }
}
