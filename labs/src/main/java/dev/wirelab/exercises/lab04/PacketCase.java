package dev.wirelab.exercises.lab04;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One call of the student's {@code UdpPacket.build}: what goes in. */
record PacketCase(
    String source, String destination, int sourcePort, int destinationPort, String payload) {

  /** An odd and an even payload: the checksum pads an odd byte with a zero. */
  static final List<PacketCase> ALL =
      List.of(
          new PacketCase("10.0.0.1", "10.0.0.2", 5000, 7, "hello"),
          new PacketCase("192.168.1.20", "127.0.0.1", 40000, 9004, "wirelab, layer by layer!"));

  byte[] sourceBytes() {
    return address(source);
  }

  byte[] destinationBytes() {
    return address(destination);
  }

  byte[] payloadBytes() {
    return payload.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] address(String dotted) {
    try {
      return InetAddress.getByName(dotted).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv4 literal: " + dotted, e);
    }
  }
}
