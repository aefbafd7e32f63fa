package dev.wirelab.labs.lab03;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;

/**
 * A datagram to a port where nothing listens: UDP sends it without asking first. The host answers
 * with ICMP "port unreachable", which Java reports only to a connected socket.
 */
final class NoHandshake {
  /** What happened to the datagram sent from an unconnected and from a connected socket. */
  enum Outcome {
    TIMED_OUT,
    PORT_UNREACHABLE,
    ANSWERED
  }

  record Result(Outcome unconnected, Outcome connected) {}

  private NoHandshake() {}

  static Result run(Narrator narrator, int timeoutMillis) throws IOException {
    int port = Datagrams.closedPort();
    InetAddress loopback = InetAddress.getLoopbackAddress();
    narrator.say("sending to 127.0.0.1:%d, where nothing listens", port);

    Outcome unconnected;
    try (DatagramSocket socket = Datagrams.loopbackSocket()) {
      socket.send(new DatagramPacket(new byte[] {'?'}, 1, loopback, port));
      narrator.say("unconnected socket: send() returned fine: no handshake, nobody was asked");
      unconnected = await(socket, timeoutMillis);
    }
    narrator.say("unconnected socket: %s", explain(unconnected, timeoutMillis));

    Outcome connected;
    try (DatagramSocket socket = Datagrams.loopbackSocket()) {
      // connect() on UDP sends nothing: it only fixes the peer, so the kernel can pass on errors.
      socket.connect(loopback, port);
      socket.send(new DatagramPacket(new byte[] {'?'}, 1));
      connected = await(socket, timeoutMillis);
    }
    narrator.say("connected socket:   %s", explain(connected, timeoutMillis));
    return new Result(unconnected, connected);
  }

  private static Outcome await(DatagramSocket socket, int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    try {
      Datagrams.receive(socket, 16);
      return Outcome.ANSWERED;
    } catch (SocketTimeoutException e) {
      return Outcome.TIMED_OUT;
    } catch (PortUnreachableException e) {
      return Outcome.PORT_UNREACHABLE;
    }
  }

  private static String explain(Outcome outcome, int timeoutMillis) {
    return switch (outcome) {
      case TIMED_OUT ->
          "receive() timed out after "
              + timeoutMillis
              + " ms: the ICMP error came back, but an unconnected socket cannot tell whose it is";
      case PORT_UNREACHABLE ->
          "receive() threw PortUnreachableException: the host answered "
              + "ICMP port unreachable, and a connected socket knows that was about its datagram";
      case ANSWERED -> "something answered: another program took the port meanwhile";
    };
  }
}
