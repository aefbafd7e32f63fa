package dev.wirelab.inspector.app.http;

import java.util.List;
import java.util.Optional;

/**
 * The start line and header fields of one HTTP/1.x message: a request when {@code method} is set,
 * otherwise a response with its {@code status}.
 */
public record HttpHead(
    String method,
    String uri,
    String version,
    int status,
    String reason,
    List<HttpHeader> headers) {
  public boolean isRequest() {
    return method != null;
  }

  /** The value of the first header with this name (names compare case-insensitively). */
  public Optional<String> header(String name) {
    for (HttpHeader h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }

  /** Whether a comma-separated header such as {@code Connection} lists this token. */
  public boolean headerHasToken(String name, String token) {
    for (HttpHeader h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        for (String t : h.value().split(",")) {
          if (t.trim().equalsIgnoreCase(token)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  public String startLine() {
    return isRequest() ? method + " " + uri + " " + version : version + " " + status + " " + reason;
  }
}
