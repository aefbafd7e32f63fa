package dev.wirelab.cli;

import dev.wirelab.bench.cli.BenchCommand;
import dev.wirelab.chat.cli.ChatCommand;
import dev.wirelab.chat.lb.LbCommand;
import dev.wirelab.common.cli.CommandRunner;
import dev.wirelab.exercises.cli.CheckCommand;
import dev.wirelab.exercises.cli.ExerciseCommand;
import dev.wirelab.inspector.cli.InspectCommand;
import dev.wirelab.labs.LabCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code ./wirelab} command: labs, the packet inspector and the classroom chat. */
@Command(
    name = "wirelab",
    description = {
      "A networking teaching toolkit: labs with real sockets, a packet inspector, a classroom chat.",
      "",
      "  ./wirelab lab list          the numbered labs",
      "  ./wirelab lab 01 demo       run lab 01, server and client in one process",
      "  ./wirelab exercise 01       write exercise 01's skeleton to ./wirelab-work/lab01",
      "  ./wirelab check 01          compile your exercise 01 and check it on the wire",
      "  ./wirelab inspect FILE      show a capture layer by layer",
      "  ./wirelab chat              start the classroom chat on port 3000",
      "  ./wirelab bench chat ...    load a Socket.IO server and measure it",
      "  ./wirelab lb --node ...     sticky sessions in front of several Socket.IO nodes",
      ""
    },
    mixinStandardHelpOptions = true,
    version = "Wirelab 0.1.0")
public final class Wirelab implements Callable<Integer> {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The whole command tree, configured for one-line errors. */
  public static CommandLine commandLine() {
    CommandLine root = new CommandLine(new Wirelab());
    root.addSubcommand("lab", LabCommand.create());
    root.addSubcommand("exercise", new ExerciseCommand());
    root.addSubcommand("check", new CheckCommand());
    root.addSubcommand("inspect", new InspectCommand());
    root.addSubcommand("chat", new ChatCommand());
    root.addSubcommand("bench", new BenchCommand());
    root.addSubcommand("lb", new LbCommand());
    return CommandRunner.configure(root);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
