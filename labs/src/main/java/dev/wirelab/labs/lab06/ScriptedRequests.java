package dev.wirelab.labs.lab06;

import dev.wirelab.labs.support.Narrator;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * The demo: the lab's own server, and a client that types the requests a student would: three on
 * one kept-alive connection, then requests typed wrong.
 */
final class ScriptedRequests {
  private final String host;
  private final int port;
  private final PrintWriter out;
  private final Narrator narrator;

  ScriptedRequests(String host, int port, PrintWriter out, Narrator narrator) {
    this.host = host;
    this.port = port;
    this.out = out;
    this.narrator = narrator;
  }

  void run() throws Exception {
    try (HttpServer server =
        HttpServer.start(host, port, narrator.as("server"), Clock.systemUTC())) {
      Narrator client = narrator.as("client");
      String hostHeader = "Host: " + host + ":" + server.port() + "\r\n";

      narrator.heading("three requests on one connection (HTTP/1.1 keeps it open)");
      try (RawHttpClient connection = RawHttpClient.connect(host, server.port(), out, client)) {
        connection.send("GET / HTTP/1.1\r\n" + hostHeader + "\r\n");
        connection.send("HEAD / HTTP/1.1\r\n" + hostHeader + "\r\n");
        connection.send("GET /missing HTTP/1.1\r\n" + hostHeader + "Connection: close\r\n\r\n");
        client.say(
            "after \"Connection: close\" the server closed: %s",
            connection.serverClosed() ? "yes" : "no");
      }

      narrator.heading(
          "requests typed wrong: refused ones keep the connection, malformed ones end it");
      try (RawHttpClient connection = RawHttpClient.connect(host, server.port(), out, client)) {
        connection.send("BREW /coffee HTTP/1.1\r\n" + hostHeader + "\r\n");
        connection.send("DELETE / HTTP/1.1\r\n" + hostHeader + "\r\n");
        connection.send("GET / HTTP/1.1\r\n\r\n");
        client.say("after the 400 the server closed: %s", connection.serverClosed() ? "yes" : "no");
      }
      try (RawHttpClient connection = RawHttpClient.connect(host, server.port(), out, client)) {
        connection.send("GET /\r\n\r\n");
      }
    }
  }
}
