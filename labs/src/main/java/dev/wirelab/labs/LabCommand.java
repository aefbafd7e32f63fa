package dev.wirelab.labs;

import dev.wirelab.labs.support.LabInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./wirelab lab}: lists the labs, and runs one by number ({@code lab 03 server}). */
@Command(
    name = "lab",
    description = "Run a numbered lab: ./wirelab lab list, then ./wirelab lab 01 demo",
    mixinStandardHelpOptions = true,
    subcommands = LabCommand.ListLabs.class)
public final class LabCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Builds the command with one subcommand per registered lab. */
  public static CommandLine create() {
    CommandLine command = new CommandLine(new LabCommand());
    for (LabInfo lab : LabCatalog.LABS) {
      command.addSubcommand(lab.number(), lab.factory().get());
    }
    return command;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(name = "list", description = "List the labs with their pages.")
  static final class ListLabs implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (LabInfo lab : LabCatalog.LABS) {
        out.printf("%s  %-42s %s%n", lab.number(), lab.title(), lab.docsPage());
      }
      out.println();
      out.println(
          "Run one: ./wirelab lab 01 demo   (modes: demo, server, client; --help for options)");
      out.flush();
      return 0;
    }
  }
}
