package dev.wirelab.inspector.app.http;

import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.app.Quote;

/** Shows HTTP messages: a one-line meaning and every header in the layer tree. */
public final class HttpReporter {
  private HttpReporter() {}

  public static void head(HttpHead head, AppFindings out) {
    out.meaning(
        head.isRequest()
            ? "HTTP " + head.method() + " " + Quote.shorten(head.uri())
            : "HTTP " + head.status() + " " + head.reason());
    out.detail("HTTP", head.isRequest() ? "Request line" : "Status line", head.startLine());
    for (HttpHeader h : head.headers()) {
      out.detail("HTTP", h.name(), h.value());
    }
  }

  /** The fields tshark shows per packet: method and URI of a request, status of a response. */
  public static void startLineFields(HttpHead start, AppFindings out) {
    if (start.isRequest()) {
      out.fieldOnce("http.method", start.method());
      out.fieldOnce("http.uri", start.uri());
    } else {
      out.fieldOnce("http.status", start.status());
    }
  }

  public static void body(long totalLength, AppFindings out) {
    out.detail("HTTP", "Body", totalLength + " bytes");
  }
}
