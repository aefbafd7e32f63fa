package dev.wirelab.labs.lab06;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed request head: the request line and the header fields (names lower-cased, since HTTP
 * header names are case-insensitive).
 */
public record Request(String method, String target, String version, Map<String, String> headers) {

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * HTTP/1.1 keeps a connection open unless told {@code Connection: close}; HTTP/1.0 closes it
   * unless told {@code Connection: keep-alive}.
   */
  public boolean keepAlive() {
    String connection = header("connection").orElse("").toLowerCase(Locale.ROOT);
    return version.equals("HTTP/1.1")
        ? !connection.contains("close")
        : connection.contains("keep-alive");
  }

  /** A body this server would have to read and skip; it answers and closes instead. */
  public boolean hasBody() {
    return header("transfer-encoding").isPresent()
        || !header("content-length").orElse("0").trim().equals("0");
  }

  public String requestLine() {
    return method + " " + target + " " + version;
  }
}
