package dev.wirelab.chat.engineio;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Session ids of 20 characters, as long as the reference server's: a 4-character node tag that
 * names the server which holds the session, then 96 random bits from a CSPRNG, base64url without
 * padding. The tag is what lets a load balancer keep a polling client's requests on its node.
 */
public final class SessionIds {
  public static final int NODE_TAG_LENGTH = 4;
  public static final int LENGTH = 20;

  private static final Pattern NODE_TAG = Pattern.compile("[A-Za-z0-9_-]{" + NODE_TAG_LENGTH + "}");
  private static final int RANDOM_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SessionIds() {}

  static String next(String nodeTag) {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return nodeTag + ENCODER.encodeToString(bytes);
  }

  /** A tag for a server that was given none: 24 random bits, so two nodes rarely share one. */
  static String randomNodeTag() {
    byte[] bytes = new byte[3];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  /** The tag itself, if it is one; else a one-line explanation. */
  public static String requireNodeTag(String tag) {
    if (tag == null || !NODE_TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException(
          "a node tag is "
              + NODE_TAG_LENGTH
              + " characters of A-Z a-z 0-9 _ -, not "
              + (tag == null ? "nothing" : "\"" + tag + "\""));
    }
    return tag;
  }

  /** The node tag a session id starts with, or empty if it is not one of ours. */
  public static Optional<String> nodeTagOf(String sid) {
    return sid != null
            && sid.length() == LENGTH
            && NODE_TAG.matcher(sid.substring(0, NODE_TAG_LENGTH)).matches()
        ? Optional.of(sid.substring(0, NODE_TAG_LENGTH))
        : Optional.empty();
  }
}
