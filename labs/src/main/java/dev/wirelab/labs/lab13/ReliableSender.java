package dev.wirelab.labs.lab13;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/**
 * The sending half of a reliable protocol over UDP: it cuts {@code data} into DATA segments of at
 * most {@code segmentBytes}, numbered from 0, then sends a FIN numbered after the last one, and
 * returns once the FIN is acknowledged, that is once everything arrived.
 */
public interface ReliableSender {
  Transfer send(byte[] data, int segmentBytes, DatagramSocket socket, InetSocketAddress to)
      throws IOException;
}
