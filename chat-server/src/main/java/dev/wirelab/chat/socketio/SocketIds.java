package dev.wirelab.chat.socketio;

import java.security.SecureRandom;
import java.util.Base64;

/** Socket ids and private session ids: 120 random bits from a CSPRNG, URL-safe base64. */
final class SocketIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SocketIds() {}

  static String next() {
    byte[] bytes = new byte[15];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }
}
