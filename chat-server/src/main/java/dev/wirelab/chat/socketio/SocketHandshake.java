package dev.wirelab.chat.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.engineio.EngineIoSocket;
import dev.wirelab.chat.socketio.protocol.Json;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * How a socket arrived: the HTTP request that opened its connection and the auth payload of its
 * CONNECT packet.
 *
 * @param auth the payload, or null when the client sent none (then {@link #auth()} gives {@code {}})
 */
public record SocketHandshake(EngineIoSocket.Handshake request, JsonNode auth) {

  /**
   * The CONNECT packet's payload; {@code {}} when the client sent none, a new one on each call, so
   * the many sockets without auth do not each keep an empty object.
   */
  @Override
  public JsonNode auth() {
    return auth == null ? Json.MAPPER.createObjectNode() : auth;
  }

  public Map<String, String> headers() {
    return request.headers();
  }

  public Map<String, String> query() {
    return request.query();
  }

  public InetSocketAddress address() {
    return request.remoteAddress();
  }
}
