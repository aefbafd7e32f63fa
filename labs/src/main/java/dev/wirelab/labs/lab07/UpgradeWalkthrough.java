package dev.wirelab.labs.lab07;

import dev.wirelab.labs.lab08.Frame;
import dev.wirelab.labs.support.Narrator;
import java.io.IOException;

/** The client side of lab 07: a page over HTTP, then an upgrade and one echo on the same port. */
final class UpgradeWalkthrough {
  private final String host;
  private final int port;
  private final Narrator narrator;

  UpgradeWalkthrough(String host, int port, Narrator narrator) {
    this.host = host;
    this.port = port;
    this.narrator = narrator;
  }

  void run() throws IOException {
    fetchPage();
    upgradeAndEcho();
    forgetToMask();
  }

  private void fetchPage() throws IOException {
    try (RawHttpClient http = RawHttpClient.connect(host, port)) {
      RawHttpClient.Reply reply = http.get("/");
      narrator.say(
          "GET / from local port %d -> %s, %d bytes of %s",
          http.localPort(),
          reply.head().startLine(),
          reply.body().length,
          reply.head().header("Content-Type"));
    }
  }

  private void upgradeAndEcho() throws IOException {
    try (RawWebSocketClient webSocket =
        RawWebSocketClient.connect(host, port, EchoSite.WEBSOCKET_PATH)) {
      narrator.say(
          "new connection from local port %d; the upgrade request, verbatim:",
          webSocket.localPort());
      printVerbatim(webSocket.request());
      narrator.say("the server answered, verbatim:");
      printVerbatim(webSocket.response().raw());
      narrator.say("Sec-WebSocket-Key we sent:            %s", webSocket.key());
      narrator.say(
          "accept computed by hand:              %s   = base64(SHA-1(key + \"%s\"))",
          webSocket.expectedAccept(), WebSocketHandshake.GUID);
      narrator.say(
          "Sec-WebSocket-Accept from the server: %s   %s",
          webSocket.serverAccept(),
          webSocket.serverAccept().equals(webSocket.expectedAccept()) ? "(match)" : "(MISMATCH)");

      String message = "hello over the same TCP connection";
      webSocket.frames().send(Frame.text(message));
      Frame echo = webSocket.frames().receive();
      narrator.say(
          "still local port %d, no new request: sent a text frame \"%s\", got back a %s: \"%s\"",
          webSocket.localPort(), message, echo, echo.text());
      narrator.say(
          "closing handshake: the server answered our close with close %d",
          webSocket.closeHandshake());
    }
  }

  /** A client must mask every frame; this one sends {@code 81 02 'h' 'i'}, with MASK=0. */
  private void forgetToMask() throws IOException {
    try (RawWebSocketClient webSocket =
        RawWebSocketClient.connect(host, port, EchoSite.WEBSOCKET_PATH)) {
      webSocket.sendRaw(new byte[] {(byte) 0x81, 0x02, 'h', 'i'});
      Frame reply = webSocket.frames().receive();
      narrator.say(
          "a new WebSocket sent 81 02 68 69, TEXT \"hi\" with MASK=0; the server answered "
              + "close %d",
          reply.closeCode());
    }
  }

  private void printVerbatim(String head) {
    for (String line : head.split("(?<=\r\n)")) {
      narrator.say("  | %s", line.replace("\r\n", "\\r\\n"));
    }
  }
}
