package dev.wirelab.chat.classroom.startup;

import java.security.SecureRandom;
import java.util.Base64;

/** A fresh secret for the teacher view: 96 random bits, short enough to type from the projector. */
public final class TeacherToken {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TeacherToken() {}

  public static String generate() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
