package dev.wirelab.chat.engineio;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Set;

/**
 * Which browser origins may talk to the server, and the CORS headers that tell the browser so.
 * Requests without an Origin header come from non-browser clients and are always allowed.
 */
final class OriginPolicy {
  private static final String ANY = "*";

  private final Set<String> allowed;

  OriginPolicy(Set<String> allowed) {
    this.allowed = allowed;
  }

  boolean allows(HttpRequest request) {
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    return origin == null || allowed.contains(ANY) || allowed.contains(origin)
        || isSameOrigin(origin, request.headers().get(HttpHeaderNames.HOST));
  }

  private static boolean isSameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    int schemeEnd = origin.indexOf("://");
    return schemeEnd > 0 && origin.substring(schemeEnd + 3).equalsIgnoreCase(host);
  }

  /** Adds the CORS response headers for an allowed cross-origin request. */
  void addCorsHeaders(HttpRequest request, HttpHeaders response) {
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (origin == null || !allows(request)) {
      return;
    }
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    response.set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
  }

  /** Adds what a preflight (OPTIONS) answer needs on top of the CORS headers. */
  void addPreflightHeaders(HttpRequest request, HttpHeaders response) {
    addCorsHeaders(request, response);
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
    String requested = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
    if (requested != null) {
      response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requested);
    }
    response.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
  }
}
