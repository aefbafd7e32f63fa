package dev.wirelab.exercises;

import java.util.List;
import java.util.Optional;

/**
 * One exercise: what the student builds after a lab, and the requirements the checker tests on the
 * wire. Its sources are resources: {@code exercises/labNN/skeleton/} (what {@code ./wirelab
 * exercise NN} writes, with TASK.md) and {@code exercises/labNN/reference/} (the model solution
 * that {@code ./wirelab check NN --reference} checks).
 *
 * @param number two digits, the number of the lab it follows
 * @param title what the student builds, in a few words
 * @param requirements what the checker tests, in the order it prints them
 */
public record Exercise(String number, String title, List<Requirement> requirements) {
  public Exercise {
    requirements = List.copyOf(requirements);
    long distinct = requirements.stream().map(Requirement::id).distinct().count();
    if (distinct != requirements.size()) {
      throw new IllegalArgumentException("exercise " + number + " repeats a requirement id");
    }
  }

  /** The resource folder of the files a student starts from. */
  public String skeletonResource() {
    return "exercises/lab" + number + "/skeleton";
  }

  /** The resource folder of the model solution. */
  public String referenceResource() {
    return "exercises/lab" + number + "/reference";
  }

  /** Where {@code ./wirelab exercise NN} puts the skeleton, relative to the working directory. */
  public String defaultWorkDir() {
    return "wirelab-work/lab" + number;
  }

  public Optional<Requirement> requirement(String id) {
    return requirements.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
