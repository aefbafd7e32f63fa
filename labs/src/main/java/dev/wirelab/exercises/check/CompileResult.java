package dev.wirelab.exercises.check;

import java.util.List;

/**
 * What compiling the student's sources gave.
 *
 * @param files how many .java files were compiled
 * @param errors the compiler's error messages, each "File.java:12: error: ..." (may span lines)
 */
public record CompileResult(int files, List<String> errors) {
  public CompileResult {
    errors = List.copyOf(errors);
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
