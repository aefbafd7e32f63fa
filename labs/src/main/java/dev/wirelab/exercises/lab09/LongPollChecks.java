package dev.wirelab.exercises.lab09;

import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.wire.HttpProbe;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Exercise 09's checks, against a student's long-polling server on {@code host:port}. They tolerate
 * events left by an earlier check: each one starts by asking for the newest id.
 */
public final class LongPollChecks {
  private static final int TIMEOUT_MILLIS = 3_000;

  /** How long a poll with nothing new must stay unanswered to count as held. */
  private static final int HELD_MILLIS = 500;

  /** A published event must reach a held poll within this; a plain poll every 2 s would not. */
  private static final int DELIVERY_MILLIS = 1_000;

  /** The spec's hold (2 s) and the slack a loaded machine needs. */
  private static final int IDLE_ANSWER_MILLIS = 3_000;

  private LongPollChecks() {}

  public static Verdict events(String host, int port) throws IOException {
    try (HttpProbe http = HttpProbe.connect(host, port, TIMEOUT_MILLIS)) {
      int first = publish(http, host, "first event");
      int second = publish(http, host, "second event");
      String expectedBoth = first + " first event\n" + second + " second event\n";
      String both = poll(http, host, first - 1).bodyText();
      if (!both.equals(expectedBoth)) {
        return Verdict.fail(
            "after=" + (first - 1) + ": \"" + HttpProbe.printable(expectedBoth) + "\"",
            "\"" + HttpProbe.printable(both) + "\"",
            "answer every event newer than N, oldest first, one \"id text\\n\" line each: "
                + "a client that polled a while ago must not miss the ones in between");
      }
      String expectedLast = second + " second event\n";
      String last = poll(http, host, first).bodyText();
      if (!last.equals(expectedLast)) {
        return Verdict.fail(
            "after=" + first + ": \"" + HttpProbe.printable(expectedLast) + "\"",
            "\"" + HttpProbe.printable(last) + "\"",
            "only the events with an id greater than N");
      }
      return Verdict.pass(
          "events " + first + " and " + second + " returned in order, on one connection");
    }
  }

  public static Verdict hold(String host, int port) throws IOException {
    try (HttpProbe poller = HttpProbe.connect(host, port, TIMEOUT_MILLIS);
        HttpProbe publisher = HttpProbe.connect(host, port, TIMEOUT_MILLIS)) {
      int latest = newestId(poller, host);
      long sentBefore = poller.bytesSent();
      long receivedBefore = poller.bytesReceived();
      poller.send(pollRequest(host, latest));
      poller.readTimeout(HELD_MILLIS);
      try {
        HttpProbe.Response early = poller.readResponse();
        return Verdict.fail(
            "a poll with nothing new held open until an event is published",
            "answered at once: \""
                + early.head().statusLine()
                + "\" with \""
                + HttpProbe.printable(early.bodyText())
                + "\"",
            "wait (up to 2 s) for an event instead of answering empty: that is what makes it long polling");
      } catch (SocketTimeoutException held) {
        // Held, as it should be.
      }
      long publishedAt = System.nanoTime();
      int id = publish(publisher, host, "held event");
      poller.readTimeout(DELIVERY_MILLIS);
      HttpProbe.Response answer;
      try {
        answer = poller.readResponse();
      } catch (SocketTimeoutException e) {
        return Verdict.fail(
            "the held poll answered within " + DELIVERY_MILLIS + " ms of the POST",
            "no answer",
            "wake the waiting request when an event is published (notifyAll)");
      }
      double latencyMillis = (System.nanoTime() - publishedAt) / 1e6;
      String expected = id + " held event\n";
      if (!answer.bodyText().equals(expected)) {
        return Verdict.fail(
            "\"" + HttpProbe.printable(expected) + "\"",
            "\"" + HttpProbe.printable(answer.bodyText()) + "\"",
            "answer the held poll with the new event");
      }
      long pollBytes = poller.bytesSent() - sentBefore + poller.bytesReceived() - receivedBefore;
      int pushBytes = 2 + 4 + "held event".getBytes(StandardCharsets.UTF_8).length;
      return Verdict.pass(
          String.format(
              Locale.ROOT,
              "held %d ms, then delivered %.1f ms after the POST (polling every 200 ms waits ~100 ms); "
                  + "that poll cost %d bytes for one event, a WebSocket push of it %d",
              HELD_MILLIS,
              latencyMillis,
              pollBytes,
              pushBytes));
    }
  }

  public static Verdict timeout(String host, int port) throws IOException {
    try (HttpProbe poller = HttpProbe.connect(host, port, TIMEOUT_MILLIS)) {
      int latest = newestId(poller, host);
      poller.send(pollRequest(host, latest));
      poller.readTimeout(IDLE_ANSWER_MILLIS);
      HttpProbe.Response answer;
      try {
        answer = poller.readResponse();
      } catch (SocketTimeoutException e) {
        return Verdict.fail(
            "an empty 200 within 2 s when nothing is published",
            "no answer after " + IDLE_ANSWER_MILLIS / 1000 + " s",
            "bound the wait: a client, a proxy or a load balancer gives up on a request that never ends");
      }
      if (answer.head().status() != 200 || answer.body().length != 0) {
        return Verdict.fail(
            "200 with Content-Length: 0",
            "\""
                + answer.head().statusLine()
                + "\" with \""
                + HttpProbe.printable(answer.bodyText())
                + "\"",
            "nothing new: an empty body");
      }
      return Verdict.pass("an idle poll ended with an empty 200");
    }
  }

  /** Two held polls (or a client that polls again after an empty answer) both get one event. */
  public static Verdict wakeAll(String host, int port) throws IOException {
    try (HttpProbe a = HttpProbe.connect(host, port, TIMEOUT_MILLIS);
        HttpProbe b = HttpProbe.connect(host, port, TIMEOUT_MILLIS);
        HttpProbe publisher = HttpProbe.connect(host, port, TIMEOUT_MILLIS)) {
      int latest = newestId(a, host);
      a.send(pollRequest(host, latest));
      b.send(pollRequest(host, latest));
      // Both polls are held at the same time: the second needs no hold time of its own. The
      // event then comes at least 1.4 s before a missed waiter's 2 s hold ends.
      a.readTimeout(HELD_MILLIS);
      String earlyA = answeredEarly(a);
      b.readTimeout(50);
      String earlyB = answeredEarly(b);
      long publishedAt = System.nanoTime();
      int id = publish(publisher, host, "for everyone");
      String expected = id + " for everyone\n";
      for (HttpProbe poller : new HttpProbe[] {a, b}) {
        String body = poller == a ? earlyA : earlyB;
        long deadline = publishedAt + DELIVERY_MILLIS * 1_000_000L;
        // A server that does not hold answers empty at once: poll again, as a client would.
        for (int again = 0; body != null && body.isEmpty() && again < 3; again++) {
          poller.readTimeout(TIMEOUT_MILLIS);
          body = poll(poller, host, latest).bodyText();
        }
        if (body == null) {
          int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
          poller.readTimeout(left);
          try {
            body = poller.readResponse().bodyText();
          } catch (SocketTimeoutException e) {
            return Verdict.fail(
                "both held polls answered within " + DELIVERY_MILLIS + " ms of the POST",
                (poller == a ? "the first" : "the second") + " was still waiting",
                "notifyAll, not notify: every waiting request must wake and look");
          }
        }
        if (!body.equals(expected)) {
          return Verdict.fail(
              "\"" + HttpProbe.printable(expected) + "\" on both connections",
              "\"" + HttpProbe.printable(body) + "\"",
              "every waiting client gets the new event");
        }
      }
      return Verdict.pass("both waiting polls got event " + id);
    }
  }

  /** The body if the server answered within the hold time (not held), null if it is held. */
  private static String answeredEarly(HttpProbe poller) throws IOException {
    try {
      return poller.readResponse().bodyText();
    } catch (SocketTimeoutException held) {
      return null;
    }
  }

  /** Publishes a marker: its id is the newest, whatever earlier checks left. */
  private static int newestId(HttpProbe http, String host) throws IOException {
    return publish(http, host, "marker");
  }

  private static int publish(HttpProbe http, String host, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    http.send(
        "POST /events HTTP/1.1\r\nHost: "
            + host
            + "\r\nContent-Type: text/plain\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n"
            + text);
    HttpProbe.Response answer = readOrExplain(http, "the answer to POST /events");
    try {
      return Integer.parseInt(answer.bodyText().strip());
    } catch (NumberFormatException e) {
      throw new java.net.ProtocolException(
          "POST /events must answer the new event's id, not \""
              + HttpProbe.printable(answer.bodyText())
              + "\"");
    }
  }

  private static HttpProbe.Response poll(HttpProbe http, String host, int after)
      throws IOException {
    http.send(pollRequest(host, after));
    return readOrExplain(http, "the answer to GET /events?after=" + after);
  }

  private static HttpProbe.Response readOrExplain(HttpProbe http, String what) throws IOException {
    try {
      return http.readResponse();
    } catch (SocketTimeoutException e) {
      throw new SocketTimeoutException("no " + what + " within " + TIMEOUT_MILLIS / 1000 + " s");
    } catch (EOFException e) {
      throw new EOFException(what + ": " + e.getMessage());
    }
  }

  private static String pollRequest(String host, int after) {
    return "GET /events?after=" + after + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
  }
}
