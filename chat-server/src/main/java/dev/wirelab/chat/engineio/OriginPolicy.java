package dev.wirelab.chat.engineio;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may talk to the server, and the CORS headers that tell the browser so.
 * Requests without an Origin header come from non-browser clients and are always allowed.
 *
 * <p>Same origin means the address the connection really reached: {@code http://} with the
 * connection's own local IP and port (or {@code localhost} and this machine's name for it), not the
 * {@code Host} header, which a DNS-rebinding page sets to its own name.
 */
final class OriginPolicy {
  private static final String ANY = "*";

  /** This machine's name, looked up once: pages opened by name, not IP, are same-origin too. */
  private static final String MACHINE = machineName();

  private final Set<String> allowed;

  OriginPolicy(Set<String> allowed) {
    this.allowed = allowed;
  }

  /**
   * @param local the address the request's connection reached on this server
   */
  boolean allows(HttpRequest request, InetSocketAddress local) {
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    return origin == null
        || allowed.contains(ANY)
        || allowed.contains(origin)
        || servedOrigins(local).contains(origin.toLowerCase(Locale.ROOT));
  }

  private static Set<String> servedOrigins(InetSocketAddress local) {
    InetAddress address = local.getAddress();
    String ip =
        address instanceof Inet6Address
            ? "[" + address.getHostAddress() + "]"
            : address.getHostAddress();
    String port = ":" + local.getPort();
    Set<String> origins = new HashSet<>();
    origins.add("http://" + ip + port);
    if (address.isLoopbackAddress()) {
      origins.add("http://localhost" + port);
    }
    String machine = MACHINE;
    if (machine != null) {
      origins.add("http://" + machine + port);
      origins.add("http://" + machine + ".local" + port);
    }
    return origins;
  }

  private static String machineName() {
    try {
      return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Adds the CORS response headers for an allowed cross-origin request. */
  void addCorsHeaders(HttpRequest request, InetSocketAddress local, HttpHeaders response) {
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (origin == null || !allows(request, local)) {
      return;
    }
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    response.set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
  }

  /** Adds what a preflight (OPTIONS) answer needs on top of the CORS headers. */
  void addPreflightHeaders(HttpRequest request, InetSocketAddress local, HttpHeaders response) {
    addCorsHeaders(request, local, response);
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
    String requested = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
    if (requested != null) {
      response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requested);
    }
    response.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
  }
}
