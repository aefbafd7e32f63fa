package dev.wirelab.labs.lab05;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The traffic the capture watches: one short TCP connection (connect, a line each way, close)
 * and one UDP datagram, both ends in this one thread so the order of events is fixed.
 */
public final class LoopbackExchange implements AutoCloseable {
  static final byte[] TCP_MESSAGE = "hello, handshake\n".getBytes(StandardCharsets.UTF_8);
  static final byte[] UDP_MESSAGE = "one datagram, no handshake".getBytes(StandardCharsets.UTF_8);
  private static final int TIMEOUT_MILLIS = 2_000;

  private final ServerSocket tcpServer;
  private final DatagramSocket udpReceiver;

  private LoopbackExchange(ServerSocket tcpServer, DatagramSocket udpReceiver) {
    this.tcpServer = tcpServer;
    this.udpReceiver = udpReceiver;
  }

  /**
   * Binds the TCP and the UDP port first, so the capture filter can name them before any packet
   * flows. TCP and UDP have separate port numbers: 9005 can be taken in both at once.
   */
  public static LoopbackExchange bind(int port) throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    ServerSocket tcpServer = new ServerSocket();
    try {
      tcpServer.bind(new InetSocketAddress(loopback, port));
      tcpServer.setSoTimeout(TIMEOUT_MILLIS);
      DatagramSocket udpReceiver = new DatagramSocket(new InetSocketAddress(loopback, port));
      udpReceiver.setSoTimeout(TIMEOUT_MILLIS);
      return new LoopbackExchange(tcpServer, udpReceiver);
    } catch (IOException | RuntimeException e) {
      tcpServer.close();
      throw e;
    }
  }

  public int tcpPort() {
    return tcpServer.getLocalPort();
  }

  public int udpPort() {
    return udpReceiver.getLocalPort();
  }

  public void run(Narrator narrator) throws IOException {
    Narrator client = narrator.as("client");
    Narrator server = narrator.as("server");
    try (Socket connection = new Socket()) {
      connection.setSoTimeout(TIMEOUT_MILLIS);
      connection.connect(tcpServer.getLocalSocketAddress(), TIMEOUT_MILLIS);
      client.say("connect() returned: the kernels did the three-way handshake, %s -> %s",
          Endpoint.of(connection.getLocalSocketAddress()), Endpoint.of(connection.getRemoteSocketAddress()));
      try (Socket accepted = tcpServer.accept()) {
        accepted.setSoTimeout(TIMEOUT_MILLIS);
        server.say("accept() returned %s, a connection that was already established",
            Endpoint.of(accepted.getRemoteSocketAddress()));
        connection.getOutputStream().write(TCP_MESSAGE);
        client.say("wrote %d bytes", TCP_MESSAGE.length);
        byte[] received = readExactly(accepted.getInputStream(), TCP_MESSAGE.length);
        accepted.getOutputStream().write(received);
        server.say("read %d bytes and wrote them back", received.length);
        readExactly(connection.getInputStream(), received.length);
        client.say("read the %d bytes back; close() sends a FIN", received.length);
        connection.close();
        int end = accepted.getInputStream().read();
        server.say("read() returned %d: the client's FIN; close() sends ours", end);
      }
    }
    try (DatagramSocket sender = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
      sender.send(new DatagramPacket(UDP_MESSAGE, UDP_MESSAGE.length, udpReceiver.getLocalSocketAddress()));
      DatagramPacket received = new DatagramPacket(new byte[UDP_MESSAGE.length], UDP_MESSAGE.length);
      udpReceiver.receive(received);
      narrator.as("udp").say("one datagram of %d bytes, %s -> %s, arrived without any handshake",
          received.getLength(), Endpoint.of(received.getSocketAddress()), Endpoint.of(udpReceiver.getLocalSocketAddress()));
    }
  }

  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new IOException("the connection ended after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  @Override
  public void close() {
    udpReceiver.close();
    try {
      tcpServer.close();
    } catch (IOException e) {
      throw new IllegalStateException("could not close the TCP server socket", e);
    }
  }
}
