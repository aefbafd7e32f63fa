package dev.wirelab.labs.lab04;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;

/**
 * The Internet checksum of RFC 1071, which IPv4, UDP and TCP all use: add the data as 16-bit words
 * in ones' complement arithmetic and invert the sum. Data that carries its own correct checksum
 * therefore sums to 0xffff, and {@link #of} returns 0 for it.
 */
public final class InternetChecksum {
  private InternetChecksum() {}

  public static int of(byte[] data) {
    long sum = 0;
    for (int i = 0; i < data.length; i += 2) {
      int high = data[i] & 0xff;
      int low = i + 1 < data.length ? data[i + 1] & 0xff : 0;
      sum += (high << 8) | low;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) (~sum & 0xffff);
  }

  /** True when an IPv4 header, checksum field included, adds up. */
  public static boolean ipv4HeaderIsValid(byte[] header) {
    return of(header) == 0;
  }

  /**
   * True when a UDP or TCP segment adds up together with its pseudo-header: both addresses, the
   * protocol number and the segment length, borrowed from the IP layer.
   */
  public static boolean transportIsValid(
      Inet4Address source, Inet4Address destination, int protocol, byte[] segment) {
    ByteArrayOutputStream pseudo = new ByteArrayOutputStream();
    pseudo.writeBytes(source.getAddress());
    pseudo.writeBytes(destination.getAddress());
    pseudo.write(0);
    pseudo.write(protocol);
    pseudo.write(segment.length >> 8);
    pseudo.write(segment.length);
    pseudo.writeBytes(segment);
    return of(pseudo.toByteArray()) == 0;
  }
}
