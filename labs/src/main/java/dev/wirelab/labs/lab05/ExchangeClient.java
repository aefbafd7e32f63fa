package dev.wirelab.labs.lab05;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The client's half of the exchange, one step per method: connect, send a line and read it back,
 * close, then send one UDP datagram.
 */
public final class ExchangeClient implements AutoCloseable {
  static final byte[] TCP_MESSAGE = "hello, handshake\n".getBytes(StandardCharsets.UTF_8);
  static final byte[] UDP_MESSAGE = "one datagram, no handshake".getBytes(StandardCharsets.UTF_8);

  private final Socket connection = new Socket();
  private final Narrator narrator;

  public ExchangeClient(Narrator narrator) {
    this.narrator = narrator;
  }

  public void connect(InetSocketAddress server, int timeoutMillis) throws IOException {
    connection.setSoTimeout(timeoutMillis);
    connection.connect(server, timeoutMillis);
    narrator.say(
        "connect() returned: the kernels did the three-way handshake, %s -> %s",
        Endpoint.of(connection.getLocalSocketAddress()),
        Endpoint.of(connection.getRemoteSocketAddress()));
  }

  public void sendTheLine() throws IOException {
    connection.getOutputStream().write(TCP_MESSAGE);
    narrator.say("wrote %d bytes", TCP_MESSAGE.length);
  }

  public void readTheEchoAndClose() throws IOException {
    readExactly(connection.getInputStream(), TCP_MESSAGE.length);
    narrator.say("read the %d bytes back; close() sends a FIN", TCP_MESSAGE.length);
    connection.close();
  }

  public void sendTheDatagram(InetSocketAddress server) throws IOException {
    try (DatagramSocket sender = new DatagramSocket()) {
      sender.connect(server);
      sender.send(new DatagramPacket(UDP_MESSAGE, UDP_MESSAGE.length));
      narrator.say(
          "sent one datagram of %d bytes %s -> %s, no connection first",
          UDP_MESSAGE.length, Endpoint.of(sender.getLocalSocketAddress()), Endpoint.of(server));
    }
  }

  static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new IOException(
          "the connection ended after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
