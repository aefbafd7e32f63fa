package dev.wirelab.labs.lab09;

import dev.wirelab.labs.lab07.HttpAndWebSocketServer;
import dev.wirelab.labs.lab07.HttpHead;
import dev.wirelab.labs.lab07.HttpResponse;
import dev.wirelab.labs.lab08.Frame;
import dev.wirelab.labs.lab08.FrameStream;
import dev.wirelab.labs.lab08.Opcode;
import dev.wirelab.labs.support.Narrator;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One feed, two ways to get it, on one port (lab 07's server): {@code GET /events?after=K} answers
 * with whatever is new since event K; a WebSocket on {@code /ws} is sent each event as it happens.
 * The feed starts with the first request of either kind.
 */
final class FeedServer {
  static final String POLL_PATH = "/events";
  static final String PUSH_PATH = "/ws";
  private static final Pattern POLL =
      Pattern.compile(Pattern.quote(POLL_PATH) + "\\?after=(\\d{1,9})");

  private final EventFeed feed;

  private FeedServer(EventFeed feed) {
    this.feed = feed;
  }

  static HttpAndWebSocketServer start(String host, int port, EventFeed feed, Narrator narrator)
      throws IOException {
    FeedServer server = new FeedServer(feed);
    return HttpAndWebSocketServer.start(host, port, server::poll, server::push, narrator);
  }

  private HttpResponse poll(HttpHead request) {
    Matcher matcher = POLL.matcher(request.target());
    if (!request.method().equals("GET") || !matcher.matches()) {
      return HttpResponse.error(
          404,
          "Not Found",
          "poll with GET "
              + POLL_PATH
              + "?after=<last id seen>, "
              + "or upgrade "
              + PUSH_PATH
              + " to a WebSocket");
    }
    feed.start();
    List<FeedEvent> news = feed.eventsAfter(Integer.parseInt(matcher.group(1)));
    return HttpResponse.ok("application/json", FeedEvent.toJsonArray(news));
  }

  /** Pushes from the feed's thread while this thread waits for the client's close: full duplex. */
  private void push(FrameStream frames, Narrator narrator) throws IOException {
    Consumer<FeedEvent> subscriber =
        event -> {
          try {
            frames.send(Frame.text(event.toJson()));
          } catch (IOException e) {
            narrator.say("could not push event %d: %s", event.id(), e.getMessage());
          }
        };
    feed.subscribe(subscriber);
    feed.start();
    try {
      Frame frame;
      do {
        frame = frames.receive();
      } while (frame.opcode() != Opcode.CLOSE);
      frames.send(Frame.close(frame.closeCode(), "bye"));
    } catch (EOFException e) {
      narrator.say("a push client hung up without a close frame");
    } finally {
      feed.unsubscribe(subscriber);
    }
  }
}
