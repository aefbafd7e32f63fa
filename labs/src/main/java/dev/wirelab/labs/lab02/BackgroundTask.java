package dev.wirelab.labs.lab02;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Work on a thread of its own, such as a sender whose large write blocks until the receiver reads;
 * {@link #await} hands back its failure, if any, to the thread that waits for it.
 */
final class BackgroundTask {
  private final FutureTask<Void> task;

  private BackgroundTask(FutureTask<Void> task) {
    this.task = task;
  }

  static BackgroundTask start(String threadName, Callable<Void> work) {
    FutureTask<Void> task = new FutureTask<>(work);
    new Thread(task, threadName).start();
    return new BackgroundTask(task);
  }

  void await() throws Exception {
    try {
      task.get(SocketPair.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      task.cancel(true);
      throw e;
    }
  }
}
