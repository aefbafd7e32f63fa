package dev.wirelab.common.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs a picocli command the Wirelab way: a mistyped option or a failure the user can fix is one
 * clear line on stderr and a non-zero exit code; the stack trace only with WIRELAB_DEBUG=1.
 */
public final class CommandRunner {
  /** Exit code for a command line that could not be understood. */
  public static final int USAGE_ERROR = 2;

  private CommandRunner() {}

  public static int run(Object command, String... args) {
    return configure(new CommandLine(command)).execute(args);
  }

  public static CommandLine configure(CommandLine commandLine) {
    return commandLine
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(CommandRunner::reportUsageError)
        .setExecutionExceptionHandler(CommandRunner::reportFailure);
  }

  private static int reportUsageError(CommandLine.ParameterException error, String[] args) {
    CommandLine command = error.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + error.getMessage());
    err.println("try: " + command.getCommandSpec().qualifiedName() + " --help");
    err.flush();
    return USAGE_ERROR;
  }

  private static int reportFailure(
      Exception error, CommandLine command, CommandLine.ParseResult parseResult) {
    PrintWriter err = command.getErr();
    err.println("error: " + ErrorMessages.describe(error));
    if (System.getenv("WIRELAB_DEBUG") != null) {
      error.printStackTrace(err);
    }
    err.flush();
    return error instanceof UserError userError ? userError.exitCode() : 1;
  }
}
