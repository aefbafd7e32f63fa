package dev.wirelab.inspector;

import dev.wirelab.common.cli.CommandRunner;
import dev.wirelab.inspector.cli.InspectCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Runs {@code inspect} in this JVM the way {@code ./wirelab inspect} does, capturing what it
 * prints.
 */
public final class Inspector {
  public record Result(int exitCode, String out, String err) {}

  private Inspector() {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command =
        CommandRunner.configure(new CommandLine(new InspectCommand()))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
    int exitCode = command.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** A capture from src/test/resources/captures. */
  public static Path capture(String name) {
    try {
      return Path.of(Inspector.class.getResource("/captures/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test capture named " + name, e);
    }
  }

  /** The bytes of a test capture from {@code src/test/resources/captures}. */
  public static byte[] captureBytes(String name) throws IOException {
    return Files.readAllBytes(capture(name));
  }
}
