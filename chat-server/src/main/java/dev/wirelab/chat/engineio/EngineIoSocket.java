package dev.wirelab.chat.engineio;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One Engine.IO session, whatever transport carries it (HTTP long-polling or WebSocket, and the
 * upgrade between them). This is the contract between the Engine.IO layer, which owns the
 * transports, heartbeats and buffering, and the Socket.IO layer above it.
 *
 * <p>All methods are thread-safe; sends are queued in order and written on the session's event
 * loop.
 */
public interface EngineIoSocket {

  /** The session id ({@code sid}) from the handshake: random, unguessable, URL-safe. */
  String id();

  /** {@code "polling"} or {@code "websocket"}; changes once if the client upgrades. */
  String transportName();

  /** The HTTP request that opened the session. */
  Handshake handshake();

  /** Sends one Engine.IO {@code message} packet (type 4) carrying text. */
  void send(String text);

  /** Sends one Engine.IO {@code message} packet carrying binary data. */
  void send(byte[] binary);

  /**
   * True when the session can take more data without growing its outbound buffer beyond the
   * configured limit; a volatile emit is dropped when this is false.
   */
  boolean isWritable();

  /** Closes the session from the server side; the handler sees {@link CloseReason#FORCED_CLOSE}. */
  void close();

  /** Sets the receiver of this session's messages and its close; call once, in onOpen. */
  void setHandler(Handler handler);

  /** What the layer above receives from one session. Called on the session's event loop. */
  interface Handler {
    void onMessage(String text);

    void onBinary(byte[] binary);

    /** The session ended, for {@code reason}. */
    void onClose(CloseReason reason);
  }

  /**
   * The opening request of a session.
   *
   * @param url path and query, e.g. {@code /socket.io/?EIO=4&transport=polling}
   * @param headers request headers, names in lower case, first value of each
   * @param query the query parameters, first value of each
   * @param remoteAddress the peer's address
   * @param issuedAtMillis when the handshake happened (epoch millis)
   */
  record Handshake(
      String url,
      Map<String, String> headers,
      Map<String, String> query,
      InetSocketAddress remoteAddress,
      long issuedAtMillis) {}

  /** Receives new sessions; the Engine.IO server calls it once per successful handshake. */
  @FunctionalInterface
  interface ConnectionListener {
    void onOpen(EngineIoSocket socket);
  }

  /** Convenience for the Socket.IO layer: a packet and its binary attachments, in order. */
  default void sendAll(String text, List<byte[]> attachments) {
    send(text);
    for (byte[] attachment : attachments) {
      send(attachment);
    }
  }
}
