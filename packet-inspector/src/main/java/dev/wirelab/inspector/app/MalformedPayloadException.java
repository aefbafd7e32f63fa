package dev.wirelab.inspector.app;

/**
 * Application bytes that break their protocol's rules; the message is the one-line reason shown
 * as {@code [malformed: reason]} on the frame that carried them.
 */
public final class MalformedPayloadException extends RuntimeException {
  public MalformedPayloadException(String reason) {
    super(reason);
  }
}
