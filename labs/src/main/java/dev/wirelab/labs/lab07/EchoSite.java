package dev.wirelab.labs.lab07;

import dev.wirelab.labs.lab08.Frame;
import dev.wirelab.labs.lab08.FrameStream;
import dev.wirelab.labs.support.Narrator;
import java.io.EOFException;
import java.io.IOException;

/**
 * The lab 07 server: a page on {@code /} and a WebSocket echo on {@code /ws}, one port for both.
 */
public final class EchoSite {
  public static final String WEBSOCKET_PATH = "/ws";

  /** The close status for a frame that breaks the protocol (RFC 6455, section 7.4.1). */
  public static final int PROTOCOL_ERROR = 1002;

  /** The page opens a WebSocket back to the port it came from, as a browser would in a real app. */
  static final String PAGE =
      """
      <!doctype html>
      <html><head><meta charset="utf-8"><title>Wirelab lab 07</title></head>
      <body>
      <h1>HTTP and WebSocket on one port</h1>
      <p>This page came over HTTP. The script below upgrades a second connection to the same port.</p>
      <input id="text" value="hello"> <button id="send">send</button>
      <pre id="log"></pre>
      <script>
        const log = line => document.getElementById("log").textContent += line + "\\n";
        const socket = new WebSocket("ws://" + location.host + "/ws");
        socket.onopen = () => {
          log("open: same host and port as this page");
          socket.send("hello from the browser");
        };
        socket.onmessage = event => {
          log("echo: " + event.data);
          if (event.data === "hello from the browser") socket.send("the browser read the echo");
        };
        socket.onclose = event => log("closed: " + event.code);
        document.getElementById("send").onclick = () => socket.send(document.getElementById("text").value);
      </script>
      </body></html>
      """;

  private EchoSite() {}

  public static HttpAndWebSocketServer start(String host, int port, Narrator narrator)
      throws IOException {
    return HttpAndWebSocketServer.start(host, port, EchoSite::page, EchoSite::echo, narrator);
  }

  private static HttpResponse page(HttpHead request) {
    if (!request.method().equals("GET")) {
      return HttpResponse.error(405, "Method Not Allowed", "only GET here");
    }
    if (request.target().equals("/")) {
      return HttpResponse.ok("text/html; charset=utf-8", PAGE);
    }
    if (request.target().equals(WEBSOCKET_PATH)) {
      return HttpResponse.error(
          426, "Upgrade Required", "this path speaks WebSocket: send Upgrade: websocket");
    }
    return HttpResponse.error(
        404, "Not Found", "nothing at " + request.target() + "; try / or " + WEBSOCKET_PATH);
  }

  /**
   * Sends every data frame back as it came, answers pings, and answers a close with a close. A
   * frame a client did not mask ends the connection: RFC 6455 (section 5.1) requires it, so that a
   * script can never choose the bytes a proxy between it and the server would see.
   */
  private static void echo(FrameStream frames, Narrator narrator) throws IOException {
    try {
      while (true) {
        Frame frame = frames.receive();
        if (!frame.masked()) {
          frames.send(Frame.close(PROTOCOL_ERROR, "client frames must be masked"));
          narrator.say(
              "unmasked frame from a client (%s): sent close %d (protocol error), hung up",
              frame, PROTOCOL_ERROR);
          return;
        }
        switch (frame.opcode()) {
          case PING -> {
            frames.send(Frame.pong(frame.payload()));
            narrator.say("ping \"%s\" answered with a pong carrying the same bytes", frame.text());
          }
          case PONG -> narrator.say("pong without a ping: a heartbeat, nothing to answer");
          case CLOSE -> {
            frames.send(Frame.close(frame.closeCode(), "bye"));
            narrator.say(
                "close %d received and returned: the WebSocket is closed", frame.closeCode());
            return;
          }
          default -> {
            frames.send(frame.unmasked());
            narrator.say("echoed a %s", frame);
          }
        }
      }
    } catch (EOFException e) {
      narrator.say("the client hung up without a close frame");
    }
  }
}
