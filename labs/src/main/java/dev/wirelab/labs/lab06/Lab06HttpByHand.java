package dev.wirelab.labs.lab06;

import dev.wirelab.labs.support.Endpoint;
import dev.wirelab.labs.support.LabEndpoint;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.LanHint;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.ProjectorWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Lab 06, HTTP with nothing but sockets: run {@code ./wirelab lab 06 demo} and read each request
 * and response byte for byte, {@code \r\n} included.
 */
@Command(
    name = "06",
    description = {
      "HTTP by hand: a raw-socket client sends the requests you type; a minimal",
      "server answers: a page, 404, HEAD, keep-alive, Content-Length, and",
      "400/405/501 for requests typed wrong."
    },
    mixinStandardHelpOptions = true)
public final class Lab06HttpByHand implements Callable<Integer> {
  @Mixin LabEndpoint endpoint;

  @Spec CommandSpec spec;

  private final Reader stdin;

  public Lab06HttpByHand() {
    this(new InputStreamReader(System.in, Charset.defaultCharset()));
  }

  /** A lab whose client mode reads the typed requests from {@code stdin}. */
  Lab06HttpByHand(Reader stdin) {
    this.stdin = stdin;
  }

  public static void main(String[] args) {
    LabRunner.main(new Lab06HttpByHand(), args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = ProjectorWriter.out(spec);
    out.printf("lab 06 HTTP by hand: %s%n", endpoint);
    Narrator narrator = new Narrator(out, endpoint.mode().name());
    switch (endpoint.mode()) {
      case server -> serve(narrator.as("server"));
      case client -> typeRequests(out, narrator.as("client"));
      case demo -> new ScriptedRequests(endpoint.host(), endpoint.port(), out, narrator).run();
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    try (HttpServer server =
        HttpServer.start(endpoint.host(), endpoint.port(), narrator, Clock.systemUTC())) {
      narrator.say(
          "try: ./wirelab lab 06 client --port %d   or   curl -v http://%s:%d/   (Ctrl-C stops)",
          server.port(), Endpoint.dialable(endpoint.host()), server.port());
      LanHint.say(narrator, "06", endpoint.host(), server.port());
      server.awaitStop();
    }
  }

  /**
   * Reads request heads typed line by line; an empty line ends one and sends it. Enter becomes CR
   * LF, the line ending HTTP requires. Several requests go over the same connection.
   */
  private void typeRequests(PrintWriter out, Narrator narrator) throws IOException {
    try (RawHttpClient client =
        RawHttpClient.connect(endpoint.host(), endpoint.port(), out, narrator)) {
      narrator.say(
          "type a request, e.g. GET / HTTP/1.1, then Host: %s:%d, then an empty line (Ctrl-D ends)",
          endpoint.host(), endpoint.port());
      BufferedReader lines = new BufferedReader(stdin);
      StringBuilder request = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        request.append(line).append("\r\n");
        if (!line.isEmpty()) {
          continue;
        }
        Optional<ResponseReader.RawResponse> response = client.send(request.toString());
        request.setLength(0);
        if (response.isEmpty() || response.get().closesConnection()) {
          narrator.say("the server closed the connection");
          return;
        }
      }
      if (request.length() > 0) {
        narrator.say("not sent: a request head ends with an empty line");
      }
    }
  }
}
