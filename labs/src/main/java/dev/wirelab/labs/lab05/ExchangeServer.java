package dev.wirelab.labs.lab05;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The server's half of the exchange, one step per method: accept, echo the line, see the client's
 * FIN and close, receive the datagram.
 */
public final class ExchangeServer implements AutoCloseable {
  private final ServerSocket tcpServer;
  private final DatagramSocket udpReceiver;
  private final Narrator narrator;
  private Socket accepted;

  private ExchangeServer(ServerSocket tcpServer, DatagramSocket udpReceiver, Narrator narrator) {
    this.tcpServer = tcpServer;
    this.udpReceiver = udpReceiver;
    this.narrator = narrator;
  }

  /**
   * Binds the TCP port, then the UDP port of the same number (port 0: the one the OS chose for
   * TCP), before any packet flows, so the capture filter can name it. TCP and UDP have separate
   * port numbers: 9005 can be taken in both at once.
   *
   * @param timeoutMillis how long each step may wait for the client (0: for ever)
   */
  public static ExchangeServer bind(String host, int port, int timeoutMillis, Narrator narrator)
      throws IOException {
    InetAddress address = InetAddress.getByName(host);
    ServerSocket tcpServer = new ServerSocket();
    try {
      tcpServer.bind(new InetSocketAddress(address, port));
      tcpServer.setSoTimeout(timeoutMillis);
      DatagramSocket udpReceiver =
          new DatagramSocket(new InetSocketAddress(address, tcpServer.getLocalPort()));
      udpReceiver.setSoTimeout(timeoutMillis);
      return new ExchangeServer(tcpServer, udpReceiver, narrator);
    } catch (IOException | RuntimeException e) {
      tcpServer.close();
      throw e;
    }
  }

  /** The address and port of both sockets: TCP and UDP share the number. */
  public InetSocketAddress address() {
    return (InetSocketAddress) tcpServer.getLocalSocketAddress();
  }

  public void accept() throws IOException {
    accepted = tcpServer.accept();
    accepted.setSoTimeout(tcpServer.getSoTimeout());
    narrator.say(
        "accept() returned %s, a connection that was already established",
        Endpoint.of(accepted.getRemoteSocketAddress()));
  }

  public void echoTheLine() throws IOException {
    byte[] received =
        ExchangeClient.readExactly(accepted.getInputStream(), ExchangeClient.TCP_MESSAGE.length);
    accepted.getOutputStream().write(received);
    narrator.say("read %d bytes and wrote them back", received.length);
  }

  public void closeAfterTheClient() throws IOException {
    int end = accepted.getInputStream().read();
    narrator.say("read() returned %d: the client's FIN; close() sends ours", end);
    accepted.close();
  }

  public void receiveTheDatagram() throws IOException {
    int length = ExchangeClient.UDP_MESSAGE.length;
    DatagramPacket received = new DatagramPacket(new byte[length], length);
    udpReceiver.receive(received);
    narrator.say(
        "one datagram of %d bytes from %s arrived, without any handshake",
        received.getLength(), Endpoint.of(received.getSocketAddress()));
  }

  @Override
  public void close() throws IOException {
    udpReceiver.close();
    try (tcpServer) {
      if (accepted != null) {
        accepted.close();
      }
    }
  }
}
