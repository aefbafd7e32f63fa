package dev.wirelab.labs.lab14;

import java.util.Locale;

/**
 * One record of an answer, its data already decoded to text: an address, a name, {@code 10
 * mail.wirelab.test} for MX, the quoted strings of a TXT.
 */
public record ResourceRecord(String name, RecordType type, long ttl, String data) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %d %s %s", name, ttl, type, data);
  }
}
