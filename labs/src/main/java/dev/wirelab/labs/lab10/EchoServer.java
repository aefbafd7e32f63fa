package dev.wirelab.labs.lab10;

import java.io.IOException;

/**
 * An echo server of either model, as the lab measures it: where it listens and how many clients it
 * holds.
 */
interface EchoServer extends AutoCloseable {
  int port();

  ConnectionCount connections();

  /** Blocks until the server stops: for server mode, where only Ctrl-C stops it. */
  void awaitStop() throws InterruptedException;

  @Override
  void close() throws IOException;
}
