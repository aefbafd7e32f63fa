package dev.wirelab.chat.socketio.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A socket as any node of a cluster describes it in a fetchSockets answer: what Node's {@code
 * RemoteSocket} keeps. The shapes are Node's, so Node and Java nodes read each other's.
 *
 * @param id the socket id (also its own room)
 * @param handshake {@code {headers, time, address, xdomain, secure, issued, url, query, auth}}
 * @param rooms the rooms it is in, its own id room included
 * @param data the application's per-socket data, as JSON ({@code null} node when none)
 */
public record SocketDetails(String id, JsonNode handshake, Set<String> rooms, JsonNode data) {
  public SocketDetails {
    rooms = Set.copyOf(rooms);
  }
}
