package dev.wirelab.labs.lab14;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;

/** One datagram out, one back: the demo's way to show an answer's raw bytes. */
final class RawUdp {
  private final InetSocketAddress server;
  private final int timeoutMillis;

  RawUdp(InetSocketAddress server, int timeoutMillis) {
    this.server = server;
    this.timeoutMillis = timeoutMillis;
  }

  byte[] exchange(byte[] query) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(timeoutMillis);
      socket.send(new DatagramPacket(query, query.length, server));
      byte[] buffer = new byte[AnswerWriter.UDP_LIMIT];
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      socket.receive(packet);
      return Arrays.copyOf(buffer, packet.getLength());
    }
  }
}
