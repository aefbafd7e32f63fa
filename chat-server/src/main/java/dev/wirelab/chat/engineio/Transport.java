package dev.wirelab.chat.engineio;

/**
 * What a session asks of whichever transport carries it now, so that an upgrade is one swap of the
 * session's transport; used on the session's loop except {@link #bytesWaiting()}.
 */
sealed interface Transport permits PollingTransport, WebSocketTransport {
  /** {@code "polling"} or {@code "websocket"}, as the protocol names it. */
  String name();

  /** Sends (or queues) one packet and applies the slow-reader limit. */
  void send(Packet packet);

  /** Bytes handed to this transport and not yet taken by the client; safe from any thread. */
  long bytesWaiting();

  /** Ends the transport's side of a session that has closed for {@code reason}. */
  void close(CloseReason reason);
}
