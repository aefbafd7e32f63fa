package dev.wirelab.labs.support;

import dev.wirelab.common.cli.CommandRunner;

/** What every lab's {@code main} calls, so a lab run from an IDE behaves as under ./wirelab. */
public final class LabRunner {
  private LabRunner() {}

  public static void main(Object lab, String[] args) {
    System.exit(CommandRunner.run(lab, args));
  }
}
