package dev.wirelab.labs.lab14;

/** A DNS message that cannot be read: the reader stops and says where and why, in one line. */
public final class MalformedMessage extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedMessage(String message) {
    super(message);
  }
}
