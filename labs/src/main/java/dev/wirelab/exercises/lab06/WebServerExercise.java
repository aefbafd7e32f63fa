package dev.wirelab.exercises.lab06;

import dev.wirelab.exercises.Exercise;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.ResourceTree;
import dev.wirelab.exercises.Unmet;
import dev.wirelab.exercises.Verdict;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.wire.StudentServers;
import dev.wirelab.exercises.wire.TcpProbe;
import dev.wirelab.inspector.app.Quote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Exercise 06: an HTTP/1.1 file server, {@code WebServer PORT ROOT}: GET, HEAD, 404, Content-Length
 * in bytes, keep-alive, and 400 for a request line it cannot read.
 */
public final class WebServerExercise {
  static final String MAIN = "WebServer";
  static final String INDEX = "<!doctype html>\n<title>Wirelab</title>\n<p>It works.</p>\n";
  static final String MENU = "café crème — 3 €\nthé à la menthe — 2 €\n";

  private WebServerExercise() {}

  public static Exercise create() {
    return new Exercise(
        "06",
        "an HTTP/1.1 server: GET, HEAD, 404, keep-alive, 400",
        List.of(
            new Requirement(
                "get", "GET /index.html answers 200 OK with the file", WebServerExercise::get),
            new Requirement(
                "head", "HEAD answers the same head and no body", WebServerExercise::head),
            new Requirement(
                "not-found", "a missing file is 404 Not Found", WebServerExercise::notFound),
            new Requirement(
                "content-length",
                "Content-Length counts the body's bytes, not characters",
                WebServerExercise::contentLength),
            new Requirement(
                "keep-alive",
                "keeps the connection open for the next request",
                WebServerExercise::keepAlive),
            new Requirement(
                "bad-request",
                "answers 400 Bad Request to a request line it cannot read",
                WebServerExercise::badRequest)));
  }

  /** Runs the student's server on a fresh folder with index.html and menu.txt. */
  private static <T> T withServer(StudentCode code, ServerCheck<T> check) throws Exception {
    Path root = Files.createTempDirectory("wirelab-site-");
    try {
      Files.writeString(root.resolve("index.html"), INDEX, StandardCharsets.UTF_8);
      Files.writeString(root.resolve("menu.txt"), MENU, StandardCharsets.UTF_8);
      StudentServers.Running server = StudentServers.start(code, MAIN, root.toString());
      try (TcpProbe client = TcpProbe.connect(server.port(), HttpReply.BOUND, "checker")) {
        return check.run(client);
      }
    } finally {
      code.close();
      ResourceTree.deleteTree(root);
    }
  }

  @FunctionalInterface
  private interface ServerCheck<T> {
    T run(TcpProbe client) throws Exception;
  }

  private static String request(String method, String path, boolean close) {
    return method
        + " "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + (close ? "Connection: close\r\n" : "")
        + "\r\n";
  }

  private static Verdict get(StudentCode code) throws Exception {
    return withServer(
        code,
        client -> {
          client.send(request("GET", "/index.html", true));
          HttpReply reply = HttpReply.read(client, true, "GET /index.html");
          if (reply.status() != 200) {
            return Verdict.fail(
                    "\"HTTP/1.1 200 OK\"",
                    "you answered " + Quote.text(reply.statusLine()),
                    "the status line is \"HTTP/1.1 200 OK\\r\\n\"; the path /index.html is the file"
                        + " index.html in ROOT")
                .withFrames(client.frames());
          }
          return Verdict.when(
                  reply.bodyText().equals(INDEX),
                  "the " + INDEX.length() + " bytes of index.html as the body",
                  "the body was " + Quote.text(reply.bodyText()),
                  "after the empty line, send the file's bytes: Files.readAllBytes")
              .withFrames(client.frames());
        });
  }

  private static Verdict head(StudentCode code) throws Exception {
    return withServer(
        code,
        client -> {
          client.send(request("HEAD", "/index.html", true));
          HttpReply reply = HttpReply.read(client, false, "HEAD /index.html");
          byte[] after = HttpReply.concat(reply.body(), client.readToEnd(HttpReply.BOUND).bytes());
          if (reply.status() != 200 || reply.contentLength().orElse(-1) != INDEX.length()) {
            return Verdict.fail(
                    "200 OK with Content-Length: " + INDEX.length() + ", as a GET would say",
                    "you answered "
                        + Quote.text(reply.statusLine())
                        + " with Content-Length "
                        + reply.headers().get("content-length"),
                    "HEAD is GET without the body: the same status line and headers")
                .withFrames(client.frames());
          }
          return Verdict.when(
                  after.length == 0,
                  "no body after the head",
                  "you sent " + after.length + " bytes of body",
                  "for HEAD, stop after the empty line that ends the head")
              .withFrames(client.frames());
        });
  }

  private static Verdict notFound(StudentCode code) throws Exception {
    return withServer(
        code,
        client -> {
          client.send(request("GET", "/nope.html", true));
          HttpReply reply = HttpReply.read(client, true, "GET /nope.html");
          return Verdict.when(
                  reply.status() == 404,
                  "\"HTTP/1.1 404 Not Found\"",
                  "you answered " + Quote.text(reply.statusLine()),
                  "when Files.isRegularFile(file) is false, answer 404 with a short body")
              .withFrames(client.frames());
        });
  }

  private static Verdict contentLength(StudentCode code) throws Exception {
    return withServer(
        code,
        client -> {
          client.send(request("GET", "/menu.txt", true));
          HttpReply reply = HttpReply.read(client, false, "GET /menu.txt");
          byte[] menu = MENU.getBytes(StandardCharsets.UTF_8);
          byte[] body = HttpReply.concat(reply.body(), client.readToEnd(HttpReply.BOUND).bytes());
          String declared = reply.headers().get("content-length");
          return Verdict.when(
                  String.valueOf(menu.length).equals(declared) && Arrays.equals(body, menu),
                  "Content-Length: "
                      + menu.length
                      + " (menu.txt has "
                      + MENU.length()
                      + " characters but "
                      + menu.length
                      + " bytes of UTF-8) and those bytes",
                  "you said Content-Length: " + declared + " and sent " + body.length + " bytes",
                  "count the bytes you send: byte[] body = ...; Content-Length: body.length")
              .withFrames(client.frames());
        });
  }

  private static Verdict keepAlive(StudentCode code) throws Exception {
    return withServer(
        code,
        client -> {
          for (int i = 1; i <= 2; i++) {
            HttpReply reply;
            try {
              client.send(request("GET", "/index.html", false));
              reply = HttpReply.read(client, true, "request " + i + " on the same connection");
            } catch (IOException | Unmet closed) {
              return Verdict.fail(
                      "an answer to request " + i + " on the same connection",
                      closed instanceof Unmet unmet
                          ? unmet.verdict().observed()
                          : "the connection was gone: " + closed.getMessage(),
                      "HTTP/1.1 keeps the connection open unless the request says Connection: close:"
                          + " after a response, read the next request")
                  .withFrames(client.frames());
            }
            if (reply.status() != 200 || !reply.bodyText().equals(INDEX)) {
              return Verdict.fail(
                      "200 OK and index.html for request " + i + " on one connection",
                      "you answered "
                          + Quote.text(reply.statusLine())
                          + " with "
                          + reply.body().length
                          + " bytes",
                      "HTTP/1.1 keeps the connection open unless the request says Connection: close:"
                          + " after a response, read the next request")
                  .withFrames(client.frames());
            }
          }
          return Verdict.pass();
        });
  }

  private static Verdict badRequest(StudentCode code) throws Exception {
    return withServer(
        code,
        client -> {
          client.send("HELLO\r\n\r\n");
          HttpReply reply = HttpReply.read(client, false, "the request line \"HELLO\"");
          return Verdict.when(
                  reply.status() == 400,
                  "\"HTTP/1.1 400 Bad Request\"",
                  "you answered " + Quote.text(reply.statusLine()),
                  "a request line is METHOD SP PATH SP HTTP/1.x: when it is not, answer 400 and close")
              .withFrames(client.frames());
        });
  }
}
