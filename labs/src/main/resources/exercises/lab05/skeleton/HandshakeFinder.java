import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Exercise 05: find the TCP handshake and teardown in a capture. Run: java HandshakeFinder FILE */
public class HandshakeFinder {
  public static void main(String[] args) throws IOException {
    List<Pcap.Frame> frames = Pcap.read(Path.of(args[0]));
    System.err.println(frames.size() + " frames");

    // TODO 1: for each frame, find the TCP header: the Ethernet header is 14 bytes and its
    //         type (bytes 12-13) 0x0800 for IPv4; the IPv4 header length is (byte 0 & 0x0f) * 4;
    //         its byte 9 is the protocol, 6 for TCP. The TCP flags are byte 13 of the TCP
    //         header: FIN 0x01, SYN 0x02, ACK 0x10.
    // TODO 2: the handshake: the first SYN (without ACK), the SYN+ACK after it, and the ACK
    //         after that. Print "handshake N N N" (frame numbers, from 1).
    // TODO 3: the teardown: from the first FIN to the end of the connection (the ACK of the
    //         last FIN). Print "teardown N N N" or "teardown N N N N".
    // TODO 4: print "rtt X ms": the SYN+ACK's time minus the SYN's, in ms with 3 decimals.
  }
}
