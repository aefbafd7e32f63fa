package dev.wirelab.chat.classroom.moderation;

import java.util.Optional;
import java.util.regex.Pattern;

/** What the chat accepts from a page: names, room names, message text, message ids. */
public final class ChatRules {
  /** The longest message, in UTF-16 units as the page counts them. */
  public static final int MAX_MESSAGE_LENGTH = 500;

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.\\- ]{1,24}");
  private static final Pattern ROOM = Pattern.compile("[a-z0-9_-]{1,32}");
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  private ChatRules() {}

  /** Why {@code name} is not a valid nickname, or empty if it is. */
  public static Optional<String> checkName(Object name) {
    if (!(name instanceof String text)
        || !NAME.matcher(text).matches()
        || !text.strip().equals(text)) {
      return Optional.of(
          "a name is 1 to 24 letters, digits, spaces, - _ or . (no spaces at the ends)");
    }
    return Optional.empty();
  }

  public static Optional<String> checkRoom(Object room) {
    if (!(room instanceof String text) || !ROOM.matcher(text).matches()) {
      return Optional.of("a room name is 1 to 32 of a-z, 0-9, - and _");
    }
    return Optional.empty();
  }

  public static Optional<String> checkText(Object text) {
    if (!(text instanceof String message) || message.isBlank()) {
      return Optional.of("a message needs some text");
    }
    if (message.length() > MAX_MESSAGE_LENGTH) {
      return Optional.of("too long: at most " + MAX_MESSAGE_LENGTH + " characters");
    }
    return Optional.empty();
  }

  public static Optional<String> checkClientId(Object clientId) {
    if (!(clientId instanceof String id) || !CLIENT_ID.matcher(id).matches()) {
      return Optional.of("a message needs a client id of 1 to 64 letters, digits, - or _");
    }
    return Optional.empty();
  }

  /** The identity a page keeps in its storage: optional, else 8 to 64 of A-Z a-z 0-9 - _. */
  public static Optional<String> checkIdentity(Object identity) {
    if (identity != null && !(identity instanceof String id && IDENTITY.matcher(id).matches())) {
      return Optional.of("an identity is 8 to 64 letters, digits, - or _");
    }
    return Optional.empty();
  }
}
