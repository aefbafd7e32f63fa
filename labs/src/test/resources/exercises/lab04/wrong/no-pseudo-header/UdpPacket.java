import java.nio.ByteBuffer;

/** Wrong: the UDP checksum covers only the UDP header and payload, no pseudo-header. */
public class UdpPacket {
  private static final int IPV4_HEADER = 20;
  private static final int UDP_HEADER = 8;
  private static final int UDP = 17;

  public static byte[] build(byte[] source, byte[] destination, int sourcePort,
      int destinationPort, byte[] payload) {
    int udpLength = UDP_HEADER + payload.length;
    ByteBuffer packet = ByteBuffer.allocate(IPV4_HEADER + udpLength); // big-endian
    packet.put((byte) 0x45);                       // version 4, header of 5 32-bit words
    packet.put((byte) 0);                          // DSCP/ECN
    packet.putShort((short) (IPV4_HEADER + udpLength));
    packet.putShort((short) 0x1234);               // identification
    packet.putShort((short) 0x4000);               // flags: don't fragment; offset 0
    packet.put((byte) 64);                         // TTL
    packet.put((byte) UDP);
    packet.putShort((short) 0);                    // header checksum, filled in below
    packet.put(source).put(destination);
    packet.putShort(10, (short) checksum(packet.array(), 0, IPV4_HEADER, 0));

    packet.putShort((short) sourcePort).putShort((short) destinationPort);
    packet.putShort((short) udpLength).putShort((short) 0);
    packet.put(payload);
    long pseudo = 0;
    int udp = checksum(packet.array(), IPV4_HEADER, udpLength, pseudo);
    packet.putShort(IPV4_HEADER + 6, (short) (udp == 0 ? 0xffff : udp)); // 0 means "none"
    return packet.array();
  }

  /** The Internet checksum (RFC 1071) of {@code length} bytes from {@code offset}. */
  private static int checksum(byte[] data, int offset, int length, long start) {
    long total = start + sum(data, offset, length);
    while ((total >> 16) != 0) {
      total = (total & 0xffff) + (total >> 16);
    }
    return (int) (~total & 0xffff);
  }

  /** The 16-bit big-endian words added up; an odd last byte is padded with a zero. */
  private static long sum(byte[] data, int offset, int length) {
    long total = 0;
    for (int i = 0; i < length; i += 2) {
      int high = data[offset + i] & 0xff;
      int low = i + 1 < length ? data[offset + i + 1] & 0xff : 0;
      total += (high << 8) | low;
    }
    return total;
  }
}
