package dev.wirelab.labs.lab09;

import java.net.ProtocolException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event of the feed, as JSON on the wire: {@code {"id":3,"of":10,"producedAtMicros":...}}. The
 * production time travels with the event, so the receiver can compute its latency.
 */
record FeedEvent(int id, int of, long producedAtMicros) {
  private static final Pattern JSON =
      Pattern.compile("\\{\"id\":(\\d+),\"of\":(\\d+),\"producedAtMicros\":(\\d+)}");

  /**
   * Wall-clock microseconds: both ends read the same clock when they run on one machine; across two
   * machines the latency is off by however far apart their clocks are.
   */
  static long nowMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }

  boolean isLast() {
    return id == of;
  }

  String toJson() {
    return "{\"id\":" + id + ",\"of\":" + of + ",\"producedAtMicros\":" + producedAtMicros + "}";
  }

  static String toJsonArray(List<FeedEvent> events) {
    List<String> json = new ArrayList<>();
    events.forEach(event -> json.add(event.toJson()));
    return "[" + String.join(",", json) + "]";
  }

  /** Every event in {@code json}: one event, or an array of them. */
  static List<FeedEvent> parseAll(String json) throws ProtocolException {
    List<FeedEvent> events = new ArrayList<>();
    Matcher matcher = JSON.matcher(json);
    while (matcher.find()) {
      events.add(
          new FeedEvent(
              Integer.parseInt(matcher.group(1)),
              Integer.parseInt(matcher.group(2)),
              Long.parseLong(matcher.group(3))));
    }
    if (events.isEmpty() && !json.equals("[]")) {
      throw new ProtocolException("not a feed event: " + json);
    }
    return events;
  }
}
