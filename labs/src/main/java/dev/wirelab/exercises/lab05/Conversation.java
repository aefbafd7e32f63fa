package dev.wirelab.exercises.lab05;

import static dev.wirelab.exercises.lab05.SyntheticCapture.ACK;
import static dev.wirelab.exercises.lab05.SyntheticCapture.FIN;
import static dev.wirelab.exercises.lab05.SyntheticCapture.PSH;
import static dev.wirelab.exercises.lab05.SyntheticCapture.SYN;

import java.util.List;

/**
 * A capture the checker hands the student, with the answers it expects.
 *
 * @param name what is special about it, for messages
 * @param rttMicros SYN-ACK time minus SYN time
 */
record Conversation(
    String name, byte[] pcap, List<Integer> handshake, List<Integer> teardown, long rttMicros) {

  /** Unrelated UDP first, a request and response, then a four-segment close. */
  static Conversation fourWayClose() {
    SyntheticCapture c = new SyntheticCapture();
    long t = 1_764_000_000_000_000L;
    long client = 1_000_000;
    long server = 7_000_000;
    c.unrelatedUdp(t);
    int syn = c.tcp(t + 500, true, SYN, client, 0, "");
    int synAck = c.tcp(t + 500 + 1_234, false, SYN | ACK, server, client + 1, "");
    int ack = c.tcp(t + 500 + 1_234 + 2_100, true, ACK, client + 1, server + 1, "");
    c.tcp(t + 9_000, true, PSH | ACK, client + 1, server + 1, "GET / HTTP/1.0\r\n\r\n");
    c.tcp(t + 10_300, false, PSH | ACK, server + 1, client + 19, "HTTP/1.0 200 OK\r\n\r\n");
    int fin1 = c.tcp(t + 12_000, true, FIN | ACK, client + 19, server + 20, "");
    int ack1 = c.tcp(t + 13_100, false, ACK, server + 20, client + 20, "");
    int fin2 = c.tcp(t + 14_000, false, FIN | ACK, server + 20, client + 20, "");
    int ack2 = c.tcp(t + 15_200, true, ACK, client + 20, server + 21, "");
    return new Conversation(
        "a capture with a UDP datagram first and a four-segment close",
        c.bytes(),
        List.of(syn, synAck, ack),
        List.of(fin1, ack1, fin2, ack2),
        1_234);
  }

  /** The server closes at once (FIN and ACK together), then an unrelated datagram. */
  static Conversation threeWayClose() {
    SyntheticCapture c = new SyntheticCapture();
    long t = 1_764_000_100_000_000L;
    long client = 3_000_000_000L;
    long server = 42;
    int syn = c.tcp(t, true, SYN, client, 0, "");
    int synAck = c.tcp(t + 25_517, false, SYN | ACK, server, client + 1, "");
    int ack = c.tcp(t + 25_517 + 40_000, true, ACK, client + 1, server + 1, "");
    c.tcp(t + 70_000, true, PSH | ACK, client + 1, server + 1, "ping\n");
    int fin1 = c.tcp(t + 80_000, true, FIN | ACK, client + 6, server + 1, "");
    int finAck = c.tcp(t + 105_000, false, FIN | ACK, server + 1, client + 7, "");
    int last = c.tcp(t + 106_000, true, ACK, client + 7, server + 2, "");
    c.unrelatedUdp(t + 200_000);
    return new Conversation(
        "a capture with a three-segment close (FIN+ACK together)",
        c.bytes(),
        List.of(syn, synAck, ack),
        List.of(fin1, finAck, last),
        25_517);
  }

  static List<Conversation> all() {
    return List.of(fourWayClose(), threeWayClose());
  }
}
