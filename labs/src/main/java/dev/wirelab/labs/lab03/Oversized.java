package dev.wirelab.labs.lab03;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;

/**
 * The limits of a datagram: at most 65 507 bytes of payload over IPv4, and a receiver whose buffer
 * is too small gets the beginning and loses the rest without a word.
 */
final class Oversized {
  /** 65 535 (IPv4 total length field) - 20 (IPv4 header) - 8 (UDP header). */
  static final int LARGEST = 65_535 - 20 - 8;

  static final int SMALL_BUFFER = 16;
  static final int TRUNCATED_DATAGRAM = 40;

  /**
   * @param largestReceived bytes received of a datagram of {@link #LARGEST} bytes (-1: not sent)
   * @param oversizeError why a datagram of one byte more could not be sent (null: it was sent)
   * @param truncatedTo bytes a {@link #SMALL_BUFFER}-byte buffer received of a 40-byte datagram
   * @param next what the following receive got
   */
  record Result(int largestReceived, String oversizeError, int truncatedTo, String next) {}

  private Oversized() {}

  static Result run(Narrator narrator) throws IOException {
    try (DatagramSocket sender = Datagrams.loopbackSocket();
        DatagramSocket receiver = Datagrams.loopbackSocket()) {
      int largestReceived = sendLargest(narrator, sender, receiver);
      String oversizeError = sendTooLarge(narrator, sender, receiver);

      Datagrams.send(sender, receiver, pattern(TRUNCATED_DATAGRAM));
      Datagrams.send(sender, receiver, "next".getBytes(StandardCharsets.UTF_8));
      int truncatedTo = Datagrams.receive(receiver, SMALL_BUFFER).length;
      String next = Datagrams.text(Datagrams.receive(receiver, SMALL_BUFFER));
      narrator.say(
          "a %d-byte datagram into a %d-byte buffer: got %d bytes, the other %d are gone; "
              + "the next receive got the next datagram, \"%s\"",
          TRUNCATED_DATAGRAM, SMALL_BUFFER, truncatedTo, TRUNCATED_DATAGRAM - truncatedTo, next);
      return new Result(largestReceived, oversizeError, truncatedTo, next);
    }
  }

  private static int sendLargest(Narrator narrator, DatagramSocket sender, DatagramSocket receiver)
      throws IOException {
    try {
      Datagrams.send(sender, receiver, pattern(LARGEST));
    } catch (IOException e) {
      // macOS, for one, caps datagrams far lower by default (sysctl net.inet.udp.maxdgram).
      narrator.say("%d bytes: this system refused even that: %s", LARGEST, e.getMessage());
      return -1;
    }
    int received = Datagrams.receive(receiver, LARGEST).length;
    narrator.say(
        "%d bytes (65535 - 20 IP - 8 UDP): sent, and received whole in one receive: %d bytes",
        LARGEST, received);
    return received;
  }

  private static String sendTooLarge(
      Narrator narrator, DatagramSocket sender, DatagramSocket receiver) {
    try {
      Datagrams.send(sender, receiver, pattern(LARGEST + 1));
    } catch (IOException e) {
      narrator.say(
          "%d bytes: send() failed: %s (an IPv4 packet cannot be longer than 65535 bytes)",
          LARGEST + 1, e.getMessage());
      return e.getMessage();
    }
    narrator.say("%d bytes: sent, which IPv4 should not allow", LARGEST + 1);
    return null;
  }

  private static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }
}
