package dev.wirelab.chat.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.chat.node.NodeScript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Node script from {@code src/test/node/chat} (installed by scripts/install-test-deps.sh), run as
 * a child process: the test reads its stdout line by line and may answer on its stdin.
 */
final class NodePeer implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final Writer in;

  NodePeer(String script, String... args) throws IOException {
    process = NodeScript.start("chat", "socket.io-client", script, args);
    out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * The next line the script prints, or null once it has ended (it ends itself: every wait in it is
   * bounded).
   */
  String readLine() throws IOException {
    return out.readLine();
  }

  void writeLine(String line) throws IOException {
    in.write(line + "\n");
    in.flush();
  }

  /** Waits for the script to end and returns its exit code. */
  int await() throws InterruptedException {
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("node script ended").isTrue();
    return process.exitValue();
  }

  /**
   * Ends the script if it is still running: SIGTERM first, so Playwright closes its Chromium, then
   * whatever is left of the process tree is killed, so no browser outlives a failed test.
   */
  @Override
  public void close() throws IOException, InterruptedException {
    List<ProcessHandle> tree = process.descendants().toList();
    if (process.isAlive()) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    in.close();
    out.close();
  }
}
