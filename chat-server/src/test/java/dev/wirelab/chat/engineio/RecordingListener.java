package dev.wirelab.chat.engineio;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Echoes every message and records each session and why it closed, for tests. */
final class RecordingListener implements EngineIoSocket.ConnectionListener {
  private static final long WAIT_SECONDS = 10;

  private final BlockingQueue<EngineIoSocket> opened = new LinkedBlockingQueue<>();
  private final BlockingQueue<CloseReason> closeReasons = new LinkedBlockingQueue<>();

  private final EngineIoEcho echo = new EngineIoEcho(closeReasons::add);

  @Override
  public void onOpen(EngineIoSocket socket) {
    echo.onOpen(socket);
    opened.add(socket);
  }

  /** The next session opened, waiting a bounded time for it. */
  EngineIoSocket nextOpened() throws InterruptedException {
    return require(opened.poll(WAIT_SECONDS, TimeUnit.SECONDS), "no session opened");
  }

  /** Why the next session closed, waiting a bounded time for it. */
  CloseReason nextCloseReason() throws InterruptedException {
    return require(closeReasons.poll(WAIT_SECONDS, TimeUnit.SECONDS), "no session closed");
  }

  private static <T> T require(T value, String failure) {
    if (value == null) {
      throw new AssertionError(failure + " within " + WAIT_SECONDS + " s");
    }
    return value;
  }
}
