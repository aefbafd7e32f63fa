package dev.wirelab.inspector.decode;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the inspector remembers of each QUIC connection, as tshark does: the client's first
 * Destination Connection ID (the Initial keys come from it), the length of the connection id each
 * side chose (a short header does not say how long its Destination Connection ID is: the receiver
 * chose it in its long-header packets), and the Initial CRYPTO data of each direction, put in
 * order. Connections are told apart by their UDP address pair; at most {@link #MAX_CONNECTIONS} are
 * kept, the least recently active forgotten first, so memory does not grow with the file.
 */
final class QuicConnections {
  static final int MAX_CONNECTIONS = 1024;

  /** Far above a real ClientHello (even with post-quantum key shares, under 2 KiB). */
  static final int MAX_CRYPTO_BYTES = 64 << 10;

  private final Map<String, Connection> connections =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Connection> eldest) {
          return size() > MAX_CONNECTIONS;
        }
      };
  private int numbered;

  /** One direction of a connection: its Initial keys, packet numbers and CRYPTO stream. */
  static final class Side {
    QuicInitialProtection.Keys keys;
    long keysVersion = -1;
    long largestPacket = -1;
    private long cryptoNext;
    private final TreeMap<Long, byte[]> held = new TreeMap<>();
    private int heldBytes;

    /**
     * Adds one CRYPTO frame; returns the bytes that now follow the ones handed out before, in order
     * (empty when the frame is a retransmission or leaves a gap).
     */
    byte[] crypto(long offset, byte[] data) {
      if (offset + data.length <= cryptoNext) {
        return new byte[0];
      }
      if (offset > cryptoNext) {
        if (heldBytes + data.length <= MAX_CRYPTO_BYTES && !held.containsKey(offset)) {
          held.put(offset, data);
          heldBytes += data.length;
        }
        return new byte[0];
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      append(out, offset, data);
      while (!held.isEmpty() && held.firstKey() <= cryptoNext) {
        Map.Entry<Long, byte[]> next = held.pollFirstEntry();
        heldBytes -= next.getValue().length;
        append(out, next.getKey(), next.getValue());
      }
      return out.toByteArray();
    }

    private void append(ByteArrayOutputStream out, long offset, byte[] data) {
      int skip = (int) Math.max(0, cryptoNext - offset);
      if (skip < data.length) {
        out.write(data, skip, data.length - skip);
        cryptoNext = offset + data.length;
      }
    }

    /** After a Retry the client starts its handshake over, from CRYPTO offset 0. */
    void restart() {
      keys = null;
      keysVersion = -1;
      cryptoNext = 0;
      held.clear();
      heldBytes = 0;
    }
  }

  static final class Connection {
    final int number;
    final String client;
    byte[] clientFirstDcid;
    int clientIdLength = -1;
    int serverIdLength = -1;
    final Side fromClient = new Side();
    final Side fromServer = new Side();

    Connection(int number, String client) {
      this.number = number;
      this.client = client;
    }

    Side side(boolean client) {
      return client ? fromClient : fromServer;
    }

    /** The length of the connection id the receiver of a short header chose, or -1 if unseen. */
    int idLengthTowards(boolean toServer) {
      return toServer ? serverIdLength : clientIdLength;
    }
  }

  /**
   * The connection between the two endpoints ("address.port"), made on its first packet; the client
   * is the side not on the QUIC port, or, when both are, the one that spoke first.
   */
  Connection of(String source, String destination, boolean sourceIsServerPort) {
    String key =
        source.compareTo(destination) < 0 ? source + " " + destination : destination + " " + source;
    Connection connection = connections.get(key);
    if (connection == null) {
      connection = new Connection(numbered++, sourceIsServerPort ? destination : source);
      connections.put(key, connection);
    }
    return connection;
  }
}
