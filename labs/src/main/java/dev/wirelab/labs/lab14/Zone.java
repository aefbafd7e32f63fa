package dev.wirelab.labs.lab14;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The zone the lab's server is authoritative for, {@code wirelab.test} (RFC 2606 reserves {@code
 * .test}, so these names can never leak into the real DNS). Every record type the lab shows has a
 * name here; {@code big.wirelab.test} has so much TXT that its answer cannot fit in the 512 bytes a
 * UDP answer may have.
 */
public final class Zone {
  public static final String ORIGIN = "wirelab.test";
  static final long TTL = 300;

  private final List<ResourceRecord> records = new ArrayList<>();

  public static Zone wirelabTest() {
    Zone zone = new Zone();
    zone.add(ORIGIN, RecordType.NS, "ns1.wirelab.test");
    zone.add(ORIGIN, RecordType.MX, "10 mail.wirelab.test");
    zone.add(ORIGIN, RecordType.TXT, "\"v=wirelab1 a zone for lab 14\"");
    zone.add("ns1.wirelab.test", RecordType.A, "127.0.0.1");
    zone.add("mail.wirelab.test", RecordType.A, "127.0.0.25");
    zone.add("web.wirelab.test", RecordType.A, "127.0.0.80");
    zone.add("web.wirelab.test", RecordType.AAAA, "::1");
    zone.add("www.wirelab.test", RecordType.CNAME, "web.wirelab.test");
    for (int i = 1; i <= 12; i++) {
      zone.add(
          "big.wirelab.test",
          RecordType.TXT,
          String.format(
              Locale.ROOT, "\"line %02d of a TXT record too big for one UDP answer\"", i));
    }
    return zone;
  }

  private void add(String name, RecordType type, String data) {
    records.add(new ResourceRecord(name, type, TTL, data));
  }

  /** Records of {@code name} and {@code type}, or the name's CNAME if it has one instead. */
  public List<ResourceRecord> lookup(String name, RecordType type) {
    List<ResourceRecord> found =
        records.stream()
            .filter(record -> record.name().equalsIgnoreCase(name) && record.type() == type)
            .toList();
    if (!found.isEmpty()) {
      return found;
    }
    return records.stream()
        .filter(record -> record.name().equalsIgnoreCase(name) && record.type() == RecordType.CNAME)
        .toList();
  }

  public boolean has(String name) {
    return records.stream().anyMatch(record -> record.name().equalsIgnoreCase(name));
  }

  public boolean covers(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals(ORIGIN) || lower.endsWith("." + ORIGIN);
  }
}
