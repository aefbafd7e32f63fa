package dev.wirelab.labs.lab06;

import dev.wirelab.labs.support.LabMode;
import dev.wirelab.labs.support.LabRunner;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.PortConverter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
        "400/405/501 for requests typed wrong."},
    mixinStandardHelpOptions = true)
public final class Lab06HttpByHand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "demo",
      description = "demo (both ends here), server, or client (default: ${DEFAULT-VALUE})")
  LabMode mode;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "server: address to listen on (0.0.0.0 = every interface); client: server to call")
  String host;

  @Option(names = "--port", defaultValue = "9006", converter = PortConverter.class,
      description = "TCP port (default: ${DEFAULT-VALUE})")
  int port;

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
    PrintWriter out = spec.commandLine().getOut();
    out.printf("lab 06 HTTP by hand: mode=%s host=%s port=%d%n", mode, host, port);
    Narrator narrator = new Narrator(out, mode.name());
    switch (mode) {
      case server -> serve(narrator.as("server"));
      case client -> typeRequests(out, narrator.as("client"));
      case demo -> new ScriptedRequests(host, port, out, narrator).run();
    }
    return 0;
  }

  private void serve(Narrator narrator) throws Exception {
    try (HttpServer server = HttpServer.start(host, port, narrator)) {
      narrator.say("try: ./wirelab lab 06 client --port %d   or   curl -v http://%s:%d/   (Ctrl-C stops)",
          server.port(), host, server.port());
      server.awaitStop();
    }
  }

  /**
   * Reads request heads typed line by line; an empty line ends one and sends it. Enter becomes
   * CR LF, the line ending HTTP requires. Several requests go over the same connection.
   */
  private void typeRequests(PrintWriter out, Narrator narrator) throws IOException {
    try (RawHttpClient client = RawHttpClient.connect(host, port, out, narrator)) {
      narrator.say("type a request, e.g. GET / HTTP/1.1, then Host: %s:%d, then an empty line (Ctrl-D ends)",
          host, port);
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
