package dev.wirelab.chat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.common.cli.CommandRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The failures a teacher can meet before the chat starts: each is one line, not a stack trace. */
class ChatCommandTest {
  @TempDir Path dir;

  @Test
  void aBusyPortIsOneClearLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Result result =
          run(
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--db",
              dir.resolve("chat.db").toString());

      assertThat(result.exitCode).isEqualTo(1);
      assertThat(result.err.lines())
          .singleElement()
          .asString()
          .startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .endsWith("(is another chat running? stop it or choose another --port)");
    }
  }

  @Test
  void aHistoryFileThatCannotBeOpenedIsOneClearLine() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("history"));

    Result result = run("--host", "127.0.0.1", "--port", "0", "--db", directory.toString());

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.err)
        .isEqualTo(
            "error: cannot open the chat history "
                + directory
                + ": it is a directory (choose another file with --db)\n");
  }

  private static Result run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine command = CommandRunner.configure(new CommandLine(new ChatCommand()));
    command.setErr(new PrintWriter(err));
    int exitCode = command.execute(args);
    return new Result(exitCode, err.toString());
  }

  private record Result(int exitCode, String err) {}
}
