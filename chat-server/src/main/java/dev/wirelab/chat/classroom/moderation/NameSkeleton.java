package dev.wirelab.chat.classroom.moderation;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * The form two names are compared in: case-folded, then reduced to their Unicode confusable
 * skeleton (UTS #39), so {@code Ann}, {@code ANN} and {@code Аnn} with a Cyrillic А are one name.
 */
public final class NameSkeleton {
  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

  private NameSkeleton() {}

  public static String of(String name) {
    // Folding first: the skeleton maps look-alikes, not upper to lower case.
    return SPOOF.getSkeleton(name.toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
  }
}
