package dev.wirelab.chat.classroom;

import java.util.Map;
import java.util.concurrent.CompletionException;

/** The shape of every acknowledgement: {@code {ok: true, ...}} or {@code {error: "a sentence"}}. */
final class Replies {
  private Replies() {}

  static Map<String, Object> ok() {
    return Map.of("ok", true);
  }

  static Map<String, Object> error(String sentence) {
    return Map.of("error", sentence);
  }

  /** An error after which the page keeps the message and sends it again later. */
  static Map<String, Object> retryLater(String sentence) {
    return Map.of("error", sentence, "retry", true);
  }

  /** The store's own sentence, without the CompletionException wrapped around it. */
  static String reason(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause.getMessage();
  }
}
