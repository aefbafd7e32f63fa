package dev.wirelab.chat.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirelab.chat.engineio.EngineIoSocket;
import dev.wirelab.chat.socketio.protocol.Json;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How a socket arrived: the HTTP request that opened its connection and the auth payload of its
 * CONNECT packet.
 *
 * @param auth the payload, or null when the client sent none (then {@link #auth()} gives {@code
 *     {}})
 */
public record SocketHandshake(EngineIoSocket.Handshake request, JsonNode auth) {
  /** JavaScript's {@code String(new Date())} in UTC, which Node nodes put in {@code time}. */
  private static final DateTimeFormatter JS_DATE =
      DateTimeFormatter.ofPattern(
              "EEE MMM dd yyyy HH:mm:ss 'GMT+0000 (Coordinated Universal Time)'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

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

  /**
   * The handshake in the shape Node's {@code socket.handshake} has, which cluster nodes exchange in
   * fetchSockets answers: {@code {headers, time, address, xdomain, secure, issued, url, query,
   * auth}}.
   */
  public ObjectNode describe() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.set("headers", Json.MAPPER.valueToTree(headers()));
    out.put("time", JS_DATE.format(Instant.ofEpochMilli(request.issuedAtMillis())));
    InetSocketAddress address = address();
    out.put(
        "address",
        address == null
            ? ""
            : address.getAddress() == null
                ? address.getHostString()
                : address.getAddress().getHostAddress());
    out.put("xdomain", headers().containsKey("origin"));
    out.put("secure", false);
    out.put("issued", request.issuedAtMillis());
    out.put("url", request.url());
    out.set("query", Json.MAPPER.valueToTree(query()));
    out.set("auth", auth());
    return out;
  }
}
