package dev.wirelab.chat.cli;

import dev.wirelab.common.cli.UserError;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./wirelab chat}: the classroom chat. Not built yet; it says so. */
@Command(name = "chat", description = "Start the classroom chat server (coming with issues #3 and #5).",
    mixinStandardHelpOptions = true)
public final class ChatCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", hidden = true)
  List<String> ignored;

  @Override
  public Integer call() {
    throw new UserError("the classroom chat is not built yet (issues #3 and #5)");
  }
}
