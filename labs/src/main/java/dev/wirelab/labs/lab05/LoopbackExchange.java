package dev.wirelab.labs.lab05;

import dev.wirelab.labs.support.Narrator;
import java.io.IOException;

/**
 * The demo's traffic: both halves of the exchange in this one thread, step by step, so the order of
 * events on the wire is fixed.
 */
public final class LoopbackExchange implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 2_000;

  private final ExchangeServer server;
  private final Narrator narrator;

  private LoopbackExchange(ExchangeServer server, Narrator narrator) {
    this.server = server;
    this.narrator = narrator;
  }

  public static LoopbackExchange bind(int port, Narrator narrator) throws IOException {
    return new LoopbackExchange(
        ExchangeServer.bind("127.0.0.1", port, TIMEOUT_MILLIS, narrator.as("server")), narrator);
  }

  public int port() {
    return server.address().getPort();
  }

  public void run() throws IOException {
    try (ExchangeClient client = new ExchangeClient(narrator.as("client"))) {
      client.connect(server.address(), TIMEOUT_MILLIS);
      server.accept();
      client.sendTheLine();
      server.echoTheLine();
      client.readTheEchoAndClose();
      server.closeAfterTheClient();
      client.sendTheDatagram(server.address());
      server.receiveTheDatagram();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
