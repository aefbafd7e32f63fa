package dev.wirelab.bench.client;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * How opening the clients went: those that joined, their connect times, and how many did not
 * (failed, or were not even started before the connect timeout).
 */
record Connections(
    List<ChatSession> joined, Histogram connectTimes, int errors, String firstError) {

  static Connections of(List<ChatSession> opened, int wanted) {
    List<ChatSession> joined = new ArrayList<>();
    Histogram times = new Histogram(3);
    String firstError = null;
    for (ChatSession session : opened) {
      if (session.joined().isDone() && !session.joined().isCompletedExceptionally()) {
        joined.add(session);
        times.recordValue(session.joined().join());
      } else if (firstError == null) {
        firstError =
            session.joined().isDone() ? failure(session) : "no join ack within the connect timeout";
      }
    }
    if (firstError == null && opened.size() < wanted) {
      firstError =
          "only "
              + opened.size()
              + " of "
              + wanted
              + " connections started within the connect timeout";
    }
    return new Connections(List.copyOf(joined), times, wanted - joined.size(), firstError);
  }

  private static String failure(ChatSession session) {
    Throwable cause = session.joined().handle((nanos, failure) -> failure).join();
    Throwable root = cause.getCause() != null ? cause.getCause() : cause;
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
