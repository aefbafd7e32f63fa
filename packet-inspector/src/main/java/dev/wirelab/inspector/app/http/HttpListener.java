package dev.wirelab.inspector.app.http;

import dev.wirelab.inspector.app.AppFindings;

/** What an {@link HttpStreamDecoder} found, in stream order. */
public interface HttpListener {
  /**
   * A complete head; {@code request} is the request a response answers (null for requests or
   * unknown).
   */
  void onHead(HttpHead head, HttpHead request, AppFindings out);

  /**
   * Whether the body of this message is wanted in {@link #onBody}; others are only counted, not
   * copied.
   */
  boolean keepsBody(HttpHead head, HttpHead request);

  /**
   * A complete body (possibly cut to {@link dev.wirelab.inspector.app.BoundedBytes#DEFAULT_LIMIT}).
   */
  void onBody(HttpHead head, HttpHead request, byte[] body, long totalLength, AppFindings out);

  /**
   * A {@code 101 Switching Protocols} to WebSocket: the bytes after its head are WebSocket frames.
   */
  void onUpgrade(HttpHead request, HttpHead response);
}
