package dev.wirelab.chat.node;

import dev.wirelab.testkit.RealClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a Node test peer from a {@code src/test/node} folder as a child process; its stderr joins
 * the test's, its stdin and stdout belong to the caller.
 */
public final class NodeScript {
  private NodeScript() {}

  /**
   * Runs {@code node script arguments...} in {@code src/test/node/<folder>}, first checking that
   * scripts/install-test-deps.sh has installed the npm package {@code module} there.
   */
  public static Process start(String folder, String module, String script, String... arguments)
      throws IOException {
    Path directory = Path.of("src", "test", "node", folder).toAbsolutePath();
    if (!Files.isDirectory(directory.resolve("node_modules").resolve(module))) {
      throw new IllegalStateException(
          module + " is not installed in " + directory + "; run scripts/install-test-deps.sh");
    }
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(arguments));
    return RealClock.forChild(
            new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT))
        .start();
  }
}
