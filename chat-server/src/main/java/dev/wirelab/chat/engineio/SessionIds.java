package dev.wirelab.chat.engineio;

import java.security.SecureRandom;
import java.util.Base64;

/** Session ids: 144 random bits from a CSPRNG, base64url without padding (24 characters). */
final class SessionIds {
  private static final int RANDOM_BYTES = 18;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SessionIds() {}

  static String next() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }
}
