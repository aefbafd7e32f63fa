package dev.wirelab.chat.classroom;

import java.nio.file.Path;
import java.util.Set;

/**
 * How a classroom chat runs.
 *
 * @param host the address to listen on; {@code 0.0.0.0} for every interface
 * @param port the TCP port for the page and Socket.IO alike; 0 picks a free one
 * @param database the SQLite history file
 * @param maxHistoryBytes how large the history file may grow; past that a send fails like on a full
 *     disk
 * @param teacherToken the secret that opens the teacher view
 * @param allowedOrigins browser origins allowed besides the chat's own ({@code *} for any)
 */
public record ChatSettings(
    String host,
    int port,
    Path database,
    long maxHistoryBytes,
    String teacherToken,
    Set<String> allowedOrigins) {

  /**
   * Where the history goes unless {@code --db} says otherwise: in the user's home, not the working
   * directory.
   */
  public static Path defaultDatabase() {
    return Path.of(System.getProperty("user.home"), ".wirelab", "chat.db");
  }
}
