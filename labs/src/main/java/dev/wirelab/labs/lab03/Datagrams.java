package dev.wirelab.labs.lab03;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Small datagram chores the experiments share: a loopback socket, a receive with a bound. */
final class Datagrams {
  /** Bounds every receive in the experiments, so a lost datagram shows up as an error. */
  static final int RECEIVE_TIMEOUT_MILLIS = 5_000;

  private Datagrams() {}

  static DatagramSocket loopbackSocket() throws IOException {
    DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
    return socket;
  }

  /** A loopback port where nothing listens: bound for a moment, then given back. */
  static int closedPort() throws IOException {
    try (DatagramSocket probe = loopbackSocket()) {
      return probe.getLocalPort();
    }
  }

  static void send(DatagramSocket from, DatagramSocket to, byte[] payload) throws IOException {
    from.send(new DatagramPacket(payload, payload.length, to.getLocalSocketAddress()));
  }

  /** Receives one datagram into a buffer of {@code bufferSize} bytes; returns what fitted. */
  static byte[] receive(DatagramSocket socket, int bufferSize) throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[bufferSize], bufferSize);
    socket.receive(packet);
    byte[] payload = new byte[packet.getLength()];
    System.arraycopy(packet.getData(), 0, payload, 0, packet.getLength());
    return payload;
  }

  static String text(byte[] payload) {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
