package dev.wirelab.labs.lab06;

import java.util.Set;

/** What the server serves: one page at {@code /}, 404 for any other path, GET and HEAD only. */
public final class Site {
  static final String PAGE =
      """
      <!doctype html>
      <html><head><title>Lab 06</title></head>
      <body><h1>Hello, HTTP</h1><p>You typed a request by hand; this is the answer.</p></body></html>
      """;

  /** Methods HTTP defines that this server knows but does not allow: 405, not 501. */
  private static final Set<String> KNOWN_METHODS =
      Set.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  private Site() {}

  public static Response respond(Request request) {
    String method = request.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      if (KNOWN_METHODS.contains(method)) {
        return Response.error(
                405,
                "Method Not Allowed",
                method + " is an HTTP method, but this server only allows GET and HEAD")
            .with("Allow", "GET, HEAD");
      }
      return Response.error(
          501,
          "Not Implemented",
          "this server does not know the method \""
              + method
              + "\" (it knows GET and HEAD; methods are case-sensitive)");
    }
    if (request.target().equals("/") || request.target().equals("/index.html")) {
      return Response.of(200, "OK", "text/html; charset=utf-8", PAGE);
    }
    return Response.error(404, "Not Found", "there is nothing at " + request.target() + " (try /)");
  }
}
