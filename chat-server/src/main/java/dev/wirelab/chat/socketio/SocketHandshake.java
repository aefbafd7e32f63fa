package dev.wirelab.chat.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.engineio.EngineIoSocket;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * How a socket arrived: the HTTP request that opened its connection and the auth payload of its
 * CONNECT packet ({@code {}} when the client sent none).
 */
public record SocketHandshake(EngineIoSocket.Handshake request, JsonNode auth) {

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
