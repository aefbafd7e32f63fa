package dev.wirelab.chat.classroom;

import java.nio.file.Path;

/**
 * Where the browser tests write their screenshots: target/screenshots, so an ordinary run leaves
 * the working tree clean, or docs/images with {@code -Dwirelab.screenshots=docs}.
 */
final class Screenshots {
  private Screenshots() {}

  static Path directory() {
    return ("docs".equals(System.getProperty("wirelab.screenshots"))
            ? Path.of("..", "docs", "images")
            : Path.of("target", "screenshots"))
        .toAbsolutePath()
        .normalize();
  }
}
