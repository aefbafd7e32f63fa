package dev.wirelab.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves threads running, sockets open or Netty buffers unreleased.
 *
 * <p>Registered for every test through JUnit's extension auto-detection (see the service file and
 * {@code junit-platform.properties}), in the spirit of Java-WebSocket's ThreadCheck: a server that
 * is not shut down properly in a test is a server that leaks in production.
 */
public final class LeakCheck implements BeforeAllCallback, AfterAllCallback {

  /** How long a test class may take, after its last test, for its threads to finish. */
  private static final long THREAD_GRACE_MILLIS = 10_000;

  /** How long a test class's sockets may take to close after its threads ended. */
  private static final long SOCKET_GRACE_MILLIS = 3_000;

  /**
   * Threads that belong to the JVM, the test runner or a library-wide singleton. They outlive any
   * one test class by design, so their presence says nothing about the code under test.
   */
  private static final List<String> SHARED_THREAD_PREFIXES =
      List.of(
          "ForkJoinPool.commonPool",
          "globalEventExecutor",
          "ObjectCleanerThread",
          "process reaper",
          "Attach Listener",
          "Common-Cleaner",
          "surefire-forkedjvm",
          "JNA Cleaner",
          "Keep-Alive-Timer",
          "Signal Dispatcher",
          "Reference Handler",
          "Finalizer",
          "Notification Thread",
          "Cleaner-",
          "junit-jupiter-timeout-watcher",
          "process-reaper",
          "Log4j2-",
          "logback-",
          "FileSystemWatcher",
          "Okio Watchdog",
          "sqlite-jdbc",
          // OkHttp 3 (under io.socket's Java client) cleans every pool on one static executor whose
          // idle thread lingers 60 s, whatever the client: evicting and shutting down cannot end
          // it.
          "OkHttp ConnectionPool");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LeakCheck.class);

  private static final ConcurrentLinkedQueue<String> NETTY_LEAKS = new ConcurrentLinkedQueue<>();

  static {
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingLeakDetectorFactory());
    openTheJdksOwnSocket();
  }

  /**
   * The first time any socket is closed, the JDK opens a socket of its own and keeps it for the
   * life of the JVM (NIO's "pre-close" descriptor, used to close a socket another thread is blocked
   * on). Open and close one here, so it is never counted against the first test class.
   */
  private static void openTheJdksOwnSocket() {
    try {
      SocketChannel.open().close();
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a socket at all", e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    store.put("threads", Thread.getAllStackTraces().keySet());
    store.put("sockets", OpenSockets.inodes());
    NETTY_LEAKS.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    @SuppressWarnings("unchecked")
    Set<Thread> before = store.get("threads", Set.class);
    @SuppressWarnings("unchecked")
    Set<String> socketsBefore = store.get("sockets", Set.class);

    List<String> problems = new ArrayList<>();
    List<Thread> leakedThreads = awaitNewThreadsEnd(before);
    if (!leakedThreads.isEmpty()) {
      problems.add(
          "threads still running "
              + THREAD_GRACE_MILLIS
              + " ms after the tests: "
              + leakedThreads.stream().map(Thread::getName).collect(Collectors.joining(", ")));
    }
    Set<String> socketsAfter = awaitSocketCountAtMost(socketsBefore.size());
    if (socketsAfter.size() > socketsBefore.size()) {
      Set<String> opened = new TreeSet<>(socketsAfter);
      opened.removeAll(socketsBefore);
      problems.add(
          (socketsAfter.size() - socketsBefore.size())
              + " socket(s) left open ("
              + socketsBefore.size()
              + " before the class, "
              + socketsAfter.size()
              + " after); opened meanwhile and still open:\n     "
              + String.join("\n     ", OpenSockets.describe(opened)));
    }
    List<String> bufferLeaks = collectNettyLeaks();
    if (!bufferLeaks.isEmpty()) {
      problems.add(
          bufferLeaks.size() + " Netty buffer leak(s):\n" + String.join("\n", bufferLeaks));
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          context.getDisplayName() + " leaked resources:\n - " + String.join("\n - ", problems));
    }
  }

  private static List<Thread> awaitNewThreadsEnd(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(THREAD_GRACE_MILLIS);
    List<Thread> alive = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (before.contains(thread) || isShared(thread) || thread == Thread.currentThread()) {
        continue;
      }
      long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (remainingMillis > 0) {
        thread.join(remainingMillis);
      }
      if (thread.isAlive()) {
        alive.add(thread);
      }
    }
    return alive;
  }

  private static boolean isShared(Thread thread) {
    return SHARED_THREAD_PREFIXES.stream().anyMatch(thread.getName()::startsWith);
  }

  /**
   * Waits, bounded, for the socket count to come back down. A client library may close its last
   * socket on a thread of its own just after the test returns, and the kernel offers no event to
   * wait for, so this re-counts a few times before calling it a leak.
   */
  private static Set<String> awaitSocketCountAtMost(int limit) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SOCKET_GRACE_MILLIS);
    Set<String> open = OpenSockets.inodes();
    while (open.size() > limit && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      open = OpenSockets.inodes();
    }
    return open;
  }

  /**
   * Netty reports a leak when a tracked buffer was garbage collected without being released, and it
   * notices that on the next tracked allocation. So: collect, then allocate.
   */
  private static List<String> collectNettyLeaks() {
    for (int round = 0; round < 3; round++) {
      System.gc();
      System.runFinalization();
      for (int i = 0; i < 64; i++) {
        ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(1);
        probe.release();
      }
    }
    List<String> leaks = new ArrayList<>(NETTY_LEAKS);
    NETTY_LEAKS.clear();
    return leaks;
  }

  private static final class RecordingLeakDetectorFactory extends ResourceLeakDetectorFactory {
    // Deprecated, yet still the one abstract method Netty's factory requires.
    @SuppressWarnings("deprecation")
    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval, long maxActive) {
      return new RecordingLeakDetector<>(resource, samplingInterval);
    }
  }

  private static final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {
    RecordingLeakDetector(Class<T> resource, int samplingInterval) {
      super(resource, samplingInterval);
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      NETTY_LEAKS.add("LEAK: " + resourceType + records);
      super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      NETTY_LEAKS.add("LEAK: " + resourceType + " (no records)");
      super.reportUntracedLeak(resourceType);
    }
  }
}
