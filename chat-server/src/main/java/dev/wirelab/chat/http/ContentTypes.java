package dev.wirelab.chat.http;

import java.util.Map;

/** The Content-Type of a static file, by its extension. */
final class ContentTypes {
  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=UTF-8"),
          Map.entry("css", "text/css; charset=UTF-8"),
          Map.entry("js", "text/javascript; charset=UTF-8"),
          Map.entry("mjs", "text/javascript; charset=UTF-8"),
          Map.entry("json", "application/json"),
          Map.entry("txt", "text/plain; charset=UTF-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"));

  private ContentTypes() {}

  static String of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension =
        dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
  }
}
