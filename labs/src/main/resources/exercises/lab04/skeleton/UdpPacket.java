/** Exercise 04: build an IPv4 packet that carries a UDP datagram, both checksums right. */
public class UdpPacket {
  /**
   * The IPv4 packet (a 20-byte header without options) carrying a UDP datagram.
   *
   * @param source the source IPv4 address, 4 bytes
   * @param destination the destination IPv4 address, 4 bytes
   * @param sourcePort the UDP source port
   * @param destinationPort the UDP destination port
   * @param payload the UDP payload
   */
  public static byte[] build(byte[] source, byte[] destination, int sourcePort,
      int destinationPort, byte[] payload) {
    // TODO 1: allocate 20 + 8 + payload.length bytes (a ByteBuffer is big-endian, like the wire).
    // TODO 2: the IPv4 header: 0x45, 0, total length, an identification, flags/fragment offset,
    //         TTL 64, protocol 17 (UDP), checksum 0 for now, source, destination.
    // TODO 3: the header checksum (bytes 10-11): the Internet checksum of the 20 header bytes.
    // TODO 4: the UDP header: source port, destination port, length (8 + payload), checksum 0;
    //         then the payload.
    // TODO 5: the UDP checksum (bytes 26-27): the Internet checksum of the pseudo-header
    //         (source, destination, 0, 17, UDP length) followed by the UDP header and payload.
    return new byte[0];
  }
}
