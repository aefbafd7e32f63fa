package dev.wirelab.labs.lab14;

import java.util.Arrays;
import java.util.Optional;

/** The record types the lab's zone holds, with their numbers from RFC 1035 and RFC 3596. */
public enum RecordType {
  A(1),
  NS(2),
  CNAME(5),
  MX(15),
  TXT(16),
  AAAA(28);

  public final int code;

  RecordType(int code) {
    this.code = code;
  }

  public static Optional<RecordType> of(int code) {
    return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
  }
}
