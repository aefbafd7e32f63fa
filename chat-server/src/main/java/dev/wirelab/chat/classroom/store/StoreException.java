package dev.wirelab.chat.classroom.store;

/** The history database refused an operation; the message is one line a teacher can act on. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
