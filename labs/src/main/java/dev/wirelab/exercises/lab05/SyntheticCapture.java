package dev.wirelab.exercises.lab05;

import dev.wirelab.labs.lab04.InternetChecksum;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a classic pcap file (Ethernet, microsecond timestamps) of one TCP conversation between a
 * client 10.0.0.1:40000 and a server 10.0.0.2:80, with whatever other frames a check wants. The
 * checker knows every timestamp, so it knows the right answers.
 */
final class SyntheticCapture {
  static final int SYN = 0x02;
  static final int FIN = 0x01;
  static final int PSH = 0x08;
  static final int ACK = 0x10;

  private static final byte[] CLIENT = {10, 0, 0, 1};
  private static final byte[] SERVER = {10, 0, 0, 2};
  private static final int CLIENT_PORT = 40000;
  private static final int SERVER_PORT = 80;

  private final ByteArrayOutputStream file = new ByteArrayOutputStream();
  private int frames;

  SyntheticCapture() {
    file.writeBytes(
        ByteBuffer.allocate(24)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(0xa1b2c3d4)
            .putShort((short) 2)
            .putShort((short) 4)
            .putInt(0)
            .putInt(0)
            .putInt(65535)
            .putInt(1)
            .array());
  }

  /** A TCP segment at {@code micros} after the epoch; returns its 1-based frame number. */
  int tcp(long micros, boolean fromClient, int flags, long seq, long ack, String data) {
    byte[] payload = data.getBytes(StandardCharsets.UTF_8);
    ByteBuffer tcp = ByteBuffer.allocate(20 + payload.length);
    tcp.putShort((short) (fromClient ? CLIENT_PORT : SERVER_PORT));
    tcp.putShort((short) (fromClient ? SERVER_PORT : CLIENT_PORT));
    tcp.putInt((int) seq).putInt((int) ack);
    tcp.put((byte) 0x50).put((byte) flags).putShort((short) 64240);
    tcp.putShort((short) 0).putShort((short) 0).put(payload);
    byte[] src = fromClient ? CLIENT : SERVER;
    byte[] dst = fromClient ? SERVER : CLIENT;
    tcp.putShort(16, (short) transportChecksum(src, dst, 6, tcp.array()));
    return frame(micros, src, dst, 6, tcp.array());
  }

  /** A UDP datagram (to the discard port) that has nothing to do with the TCP conversation. */
  int unrelatedUdp(long micros) {
    byte[] payload = "not part of the conversation".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer udp = ByteBuffer.allocate(8 + payload.length);
    udp.putShort((short) 53000)
        .putShort((short) 9)
        .putShort((short) (8 + payload.length))
        .putShort((short) 0)
        .put(payload);
    byte[] src = {10, 0, 0, 1};
    byte[] dst = {10, 0, 0, 9};
    udp.putShort(6, (short) transportChecksum(src, dst, 17, udp.array()));
    return frame(micros, src, dst, 17, udp.array());
  }

  private int frame(long micros, byte[] src, byte[] dst, int protocol, byte[] segment) {
    ByteBuffer ip = ByteBuffer.allocate(20 + segment.length);
    ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + segment.length));
    ip.putShort((short) (frames + 1))
        .putShort((short) 0x4000)
        .put((byte) 64)
        .put((byte) protocol)
        .putShort((short) 0)
        .put(src)
        .put(dst);
    ip.putShort(10, (short) InternetChecksum.of(Arrays.copyOf(ip.array(), 20)));
    ip.put(segment);
    ByteBuffer ethernet = ByteBuffer.allocate(14 + ip.capacity());
    ethernet
        .put(new byte[] {2, 0, 0, 0, 0, dst[3]})
        .put(new byte[] {2, 0, 0, 0, 0, src[3]})
        .putShort((short) 0x0800)
        .put(ip.array());
    byte[] bytes = ethernet.array();
    file.writeBytes(
        ByteBuffer.allocate(16)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt((int) (micros / 1_000_000))
            .putInt((int) (micros % 1_000_000))
            .putInt(bytes.length)
            .putInt(bytes.length)
            .array());
    file.writeBytes(bytes);
    return ++frames;
  }

  private static int transportChecksum(byte[] src, byte[] dst, int protocol, byte[] segment) {
    ByteArrayOutputStream pseudo = new ByteArrayOutputStream();
    pseudo.writeBytes(src);
    pseudo.writeBytes(dst);
    pseudo.write(0);
    pseudo.write(protocol);
    pseudo.write(segment.length >> 8);
    pseudo.write(segment.length);
    pseudo.writeBytes(segment);
    return InternetChecksum.of(pseudo.toByteArray());
  }

  byte[] bytes() {
    return file.toByteArray();
  }
}
