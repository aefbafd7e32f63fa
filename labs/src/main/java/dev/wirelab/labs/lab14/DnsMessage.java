package dev.wirelab.labs.lab14;

import java.util.List;

/**
 * A parsed DNS message: the header fields a client looks at, the question, and the answers.
 *
 * @param truncated the TC bit: the answer did not fit in a UDP datagram; ask again over TCP
 * @param rcode 0 = no error, 3 = NXDOMAIN (the name does not exist)
 */
public record DnsMessage(
    int id,
    boolean response,
    boolean authoritative,
    boolean truncated,
    int rcode,
    String questionName,
    int questionType,
    List<ResourceRecord> answers) {
  public static final int NO_ERROR = 0;
  public static final int FORMAT_ERROR = 1;
  public static final int NXDOMAIN = 3;
  public static final int NOT_IMPLEMENTED = 4;
}
