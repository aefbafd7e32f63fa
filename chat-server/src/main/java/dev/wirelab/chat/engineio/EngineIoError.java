package dev.wirelab.chat.engineio;

import dev.wirelab.chat.http.HttpExchange;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The request errors of the reference server: code, message and HTTP status, as clients see them.
 */
public enum EngineIoError {
  UNKNOWN_TRANSPORT("Transport unknown", HttpResponseStatus.BAD_REQUEST),
  UNKNOWN_SID("Session ID unknown", HttpResponseStatus.BAD_REQUEST),
  BAD_HANDSHAKE_METHOD("Bad handshake method", HttpResponseStatus.BAD_REQUEST),
  BAD_REQUEST("Bad request", HttpResponseStatus.BAD_REQUEST),
  FORBIDDEN("Forbidden", HttpResponseStatus.FORBIDDEN),
  UNSUPPORTED_PROTOCOL_VERSION("Unsupported protocol version", HttpResponseStatus.BAD_REQUEST);

  private final String message;
  private final HttpResponseStatus status;

  EngineIoError(String message, HttpResponseStatus status) {
    this.message = message;
    this.status = status;
  }

  /** The numeric code, which is the position in the reference server's list. */
  public int code() {
    return ordinal();
  }

  public String message() {
    return message;
  }

  public HttpResponseStatus status() {
    return status;
  }

  /** The JSON body, e.g. {@code {"code":1,"message":"Session ID unknown"}}. */
  public String json() {
    return json(message);
  }

  /** Answers a request with this error. */
  public void replyTo(HttpExchange exchange) {
    exchange.replyJson(status, json());
  }

  /** The JSON body with a more specific message, which must need no JSON escaping. */
  public String json(String specificMessage) {
    return "{\"code\":" + code() + ",\"message\":\"" + specificMessage + "\"}";
  }
}
