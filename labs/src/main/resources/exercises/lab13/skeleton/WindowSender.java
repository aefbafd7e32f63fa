import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** java WindowSender PORT FILE: sends FILE reliably to 127.0.0.1:PORT. See TASK.md. */
public class WindowSender {
  public static void main(String[] args) throws IOException {
    InetSocketAddress to = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
    byte[] data = Files.readAllBytes(Path.of(args[1]));
    // TODO cut data into DATA segments of at most 512 bytes, numbered 0, 1, 2, ...; then a FIN
    //      numbered after the last one. Header (14 bytes, big-endian): kind (0 DATA, 1 ACK,
    //      2 FIN), 0, checksum (2 bytes), seq (4), ack (4), payload length (2).
    // TODO the checksum is RFC 1071's over the whole datagram with the field at 0.
    // TODO keep a window of segments in flight; an ACK's "ack" field is the next segment the
    //      receiver expects (everything before it arrived), its "seq" the one that just arrived.
    // TODO a timer: send again what is not acknowledged in time; drop damaged ACKs.
    // TODO end when the FIN is acknowledged.
    System.out.println("WindowSender: nothing sent yet (" + data.length + " bytes for " + to + ")");
  }
}
