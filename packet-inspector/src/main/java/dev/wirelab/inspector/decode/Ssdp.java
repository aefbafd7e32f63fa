package dev.wirelab.inspector.decode;

import dev.wirelab.inspector.model.Layer;
import java.util.Locale;

/**
 * SSDP (UPnP device discovery): HTTP/1.1 messages carried one per UDP datagram, a request line or a
 * status line, then headers, no body.
 */
final class Ssdp {
  /** Headers whose value says what is searched for, announced or found, in the summary's order. */
  private static final String[] SUMMARY_HEADERS = {"ST", "NT", "NTS", "USN", "LOCATION"};

  /** At most this many headers are read: one datagram holds a few dozen at most. */
  private static final int MAX_HEADERS = 100;

  private Ssdp() {}

  static boolean isPort(int port) {
    return port == 1900;
  }

  static void decode(Dissection d, int offset, int end) {
    byte[] data = d.data;
    Layer layer = d.layer(new Layer("SSDP", 7, offset, end));
    int lineEnd = lineEnd(data, offset, end);
    String startLine = Text.printable(data, offset, lineEnd - offset).stripTrailing();
    String[] parts = startLine.split(" ", 3);
    boolean response = parts[0].startsWith("HTTP/");
    if (parts.length < 3 || !(response || parts[2].startsWith("HTTP/"))) {
      throw new MalformedFrameException(
          "SSDP message does not start with an HTTP request or status line");
    }
    StringBuilder text = new StringBuilder("SSDP ");
    if (response) {
      layer.add("Status line", startLine, "an answer to a search", offset, lineEnd - offset);
      int status = statusCode(parts[1]);
      d.put("http.status", status);
      text.append(parts[1]).append(' ').append(parts[2]);
    } else {
      layer.add("Request line", startLine, requestMeaning(parts[0]), offset, lineEnd - offset);
      d.put("http.method", parts[0]);
      d.put("http.uri", parts[1]);
      text.append(parts[0]).append(' ').append(parts[1]);
    }
    String[] found = new String[SUMMARY_HEADERS.length];
    int at = next(data, lineEnd, end);
    for (int count = 0; at < end && count < MAX_HEADERS; count++) {
      int headerEnd = lineEnd(data, at, end);
      String line = Text.printable(data, at, headerEnd - at).stripTrailing();
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon).trim();
      String value = colon < 0 ? "" : line.substring(colon + 1).trim();
      layer.add(name, value, headerMeaning(name), at, headerEnd - at);
      for (int i = 0; i < SUMMARY_HEADERS.length; i++) {
        if (SUMMARY_HEADERS[i].equals(name.toUpperCase(Locale.ROOT)) && found[i] == null) {
          found[i] = value;
        }
      }
      at = next(data, headerEnd, end);
    }
    // A search names what it looks for (ST); an announcement what it is (NT, NTS); an answer where.
    int shown = 0;
    for (int i = 0; i < found.length && shown < 2; i++) {
      if (found[i] != null && !(SUMMARY_HEADERS[i].equals("USN") && shown > 0)) {
        text.append(shown == 0 ? ", " : " ")
            .append(SUMMARY_HEADERS[i])
            .append(' ')
            .append(found[i]);
        shown++;
      }
    }
    d.frame.appendSummary(text.toString());
  }

  /** Where the line starting at {@code from} ends: at its CR or LF, or at {@code end}. */
  private static int lineEnd(byte[] data, int from, int end) {
    for (int i = from; i < end; i++) {
      if (data[i] == '\r' || data[i] == '\n') {
        return i;
      }
    }
    return end;
  }

  /** Past the line break at {@code lineEnd} (CRLF or a lone LF). */
  private static int next(byte[] data, int lineEnd, int end) {
    int at = lineEnd;
    if (at < end && data[at] == '\r') {
      at++;
    }
    if (at < end && data[at] == '\n') {
      at++;
    }
    return at;
  }

  private static int statusCode(String text) {
    if (text.length() != 3 || !text.chars().allMatch(Character::isDigit)) {
      throw new MalformedFrameException("SSDP status code " + text + " is not three digits");
    }
    return Integer.parseInt(text);
  }

  private static String requestMeaning(String method) {
    return switch (method) {
      case "M-SEARCH" -> "a search: devices that match answer by unicast";
      case "NOTIFY" -> "an announcement: a device arrives (ssdp:alive) or leaves (ssdp:byebye)";
      default -> "";
    };
  }

  private static String headerMeaning(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "ST" -> "search target: the kind of device or service wanted";
      case "NT" -> "notification type: the kind of device or service announced";
      case "NTS" -> "notification sub type: alive or byebye";
      case "MAN" -> "mandatory extension: ssdp:discover for a search";
      case "MX" -> "answer within this many seconds (a random delay spreads the answers)";
      case "USN" -> "unique service name of the device";
      case "LOCATION" -> "where the device's description (XML) is fetched by HTTP";
      case "CACHE-CONTROL" -> "how long the announcement stays valid";
      case "EXT" -> "empty: the device understood the search's MAN";
      case "SERVER" -> "the device's system, UPnP version and product";
      default -> "";
    };
  }
}
