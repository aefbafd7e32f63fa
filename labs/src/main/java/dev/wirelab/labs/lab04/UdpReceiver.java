package dev.wirelab.labs.lab04;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The receiving end of lab 04's server mode: what is left of a frame once the kernel has taken off
 * the Ethernet, IPv4 and UDP headers — the data, and the sender's address and port.
 */
public final class UdpReceiver implements AutoCloseable {
  /** Larger than any UDP payload over IPv4, so no datagram is cut short. */
  private static final int MAX_DATAGRAM = 65_507;

  private final DatagramSocket socket;
  private final Narrator narrator;

  private UdpReceiver(DatagramSocket socket, Narrator narrator) {
    this.socket = socket;
    this.narrator = narrator;
  }

  public static UdpReceiver bind(String host, int port, Narrator narrator) throws IOException {
    DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), port));
    narrator.say("listening for UDP datagrams on %s", Endpoint.of(socket.getLocalSocketAddress()));
    return new UdpReceiver(socket, narrator);
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Waits for one datagram and says what arrived; returns its data. */
  public byte[] receiveOne() throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
    socket.receive(packet);
    byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
    narrator.say(
        "%d bytes from %s: \"%s\"",
        data.length,
        Endpoint.of(packet.getSocketAddress()),
        new String(data, StandardCharsets.UTF_8));
    narrator.say(
        "  the kernel removed %d bytes of UDP and IPv4 headers (plus the link header); "
            + "only the data and the sender's address and port reach the program",
        8 + 20);
    return data;
  }

  @Override
  public void close() {
    socket.close();
  }
}
