package dev.wirelab.bench.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps a bench server running until the JVM is told to stop (Ctrl-C, or the script's kill), then
 * closes it. The ready line is what {@code bench/side-by-side.sh} waits for.
 */
final class UntilStopped {
  private UntilStopped() {}

  static int serve(AutoCloseable server, String readyLine, PrintWriter out)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception e) {
                    System.err.println("bench: closing the server failed: " + e);
                  }
                  stopped.countDown();
                },
                "bench-server-shutdown"));
    out.println(readyLine);
    out.flush();
    stopped.await();
    return 0;
  }
}
