package dev.wirelab.inspector.cli;

import dev.wirelab.common.cli.UserError;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./wirelab inspect}: the packet inspector. Not built yet; it says so. */
@Command(name = "inspect", description = "Show every frame of a capture, layer by layer (coming with issue #4).",
    mixinStandardHelpOptions = true)
public final class InspectCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> ignored;

  @Override
  public Integer call() {
    throw new UserError("the packet inspector is not built yet (issue #4); until then use tshark or tcpdump");
  }
}
