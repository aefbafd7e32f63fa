package dev.wirelab.labs.lab04;

import java.util.List;

/**
 * One protocol header cut into its fields: the bytes of each field, its name, and what those bytes
 * mean.
 */
public record AnnotatedHeader(String protocol, List<Field> fields) {

  /** Some bytes of a header, named. */
  public record Field(byte[] bytes, String name, String meaning) {}

  public int length() {
    return fields.stream().mapToInt(field -> field.bytes().length).sum();
  }
}
