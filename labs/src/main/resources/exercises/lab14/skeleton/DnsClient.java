import java.io.IOException;

/** java DnsClient PORT NAME TYPE: asks 127.0.0.1:PORT and prints the answer. See TASK.md. */
public class DnsClient {
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    String name = args[1];
    String type = args[2];
    // TODO build the query byte by byte: a 12-byte header (an id, flags 0x0100, QDCOUNT 1),
    //      the name as labels (3 w w w 7 w i r e l a b 4 t e s t 0), QTYPE, QCLASS 1.
    // TODO send it in one UDP datagram to 127.0.0.1:port; wait at most 2 s for the answer.
    // TODO parse the answer: the header, skip the question, then ANCOUNT records; names may end
    //      in a pointer (two bytes 11xxxxxx xxxxxxxx = "the name at that offset").
    // TODO TC set (flags & 0x0200): ask again over TCP, the message after a 2-byte length.
    // TODO a CNAME and no record of the type: ask again for the CNAME's target.
    // TODO print each record of the type asked for as "TYPE data", e.g. "A 127.0.0.80".
    // TODO an answer you cannot read: one line on stderr ("error: ..."), exit code 1.
    System.out.println("DnsClient: nothing here yet (" + type + "? " + name + " at " + port + ")");
  }
}
