import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exercise 09, a model solution: a feed of events over HTTP long polling. A poll for events
 * newer than the last one seen is held open until there is one, so an event reaches a waiting
 * client at once instead of at its next poll.
 */
public class LongPollServer {
  /** How long a poll is held when nothing is new, before it is answered empty. */
  static final long HOLD_MILLIS = 2_000;

  private final List<String> events = new ArrayList<>();

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9009;
    LongPollServer feed = new LongPollServer();
    try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("listening on " + listener.getLocalSocketAddress());
      while (true) {
        Socket connection = listener.accept();
        // A held poll blocks its thread: every connection needs its own.
        new Thread(() -> feed.serve(connection)).start();
      }
    }
  }

  /** Adds an event and wakes every held poll: each one may be waiting for it. */
  synchronized int publish(String text) {
    events.add(text);
    notifyAll();
    return events.size();
  }

  /** The events after {@code lastSeen} ("id text" lines), waiting up to HOLD_MILLIS for one. */
  synchronized String eventsAfter(int lastSeen) throws InterruptedException {
    long deadline = System.nanoTime() + HOLD_MILLIS * 1_000_000;
    long left;
    while (events.size() <= lastSeen && (left = deadline - System.nanoTime()) > 0) {
      wait();
    }
    StringBuilder body = new StringBuilder();
    for (int id = lastSeen + 1; id <= events.size(); id++) {
      body.append(id).append(' ').append(events.get(id - 1)).append('\n');
    }
    return body.toString();
  }

  void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      String requestLine;
      // Keep-alive: one request after the other on the same connection.
      while ((requestLine = readLine(in)) != null) {
        int contentLength = 0;
        String header;
        while ((header = readLine(in)) != null && !header.isEmpty()) {
          if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            contentLength = Integer.parseInt(header.substring(15).trim());
          }
        }
        String body = new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
        String[] parts = requestLine.split(" ");
        if (parts.length == 3 && parts[0].equals("POST") && parts[1].equals("/events")) {
          answer(out, 200, String.valueOf(publish(body.strip())));
        } else if (parts.length == 3 && parts[0].equals("GET")
            && parts[1].matches("/events\\?after=\\d{1,9}")) {
          answer(out, 200, eventsAfter(Integer.parseInt(parts[1].substring(14))));
        } else {
          answer(out, 404, "GET /events?after=N or POST /events\n");
        }
      }
    } catch (IOException | InterruptedException | NumberFormatException e) {
      System.out.println("connection ended: " + e);
    }
  }

  static void answer(OutputStream out, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "Content-Length: " + bytes.length + "\r\n"
        + "\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  /** One line without its CRLF; null when the client hung up. */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }
}
