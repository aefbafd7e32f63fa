package dev.wirelab.bench.client;

import dev.wirelab.chat.http.IoTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Opens many bench clients on a few event loops (native epoll when available), at most {@code
 * window} handshakes in flight at once, and closes them all.
 */
final class ClientPool implements AutoCloseable {
  private static final int MAX_FRAME_BYTES = 1 << 20;
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final LoadSettings settings;
  private final LoadCounters counters;
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final List<ChatSession> sessions = new ArrayList<>();

  ClientPool(LoadSettings settings, LoadCounters counters) {
    this.settings = settings;
    this.counters = counters;
    IoTransport io = IoTransport.preferred();
    this.group =
        new MultiThreadIoEventLoopGroup(
            settings.threads(),
            new DefaultThreadFactory("bench-client", true),
            io.ioHandlerFactory());
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(io.socketChannel())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, HANDSHAKE_TIMEOUT_MILLIS);
  }

  /**
   * Opens every client and waits, at most until {@code deadlineNanos}, for each to join or fail.
   * Returns the sessions in opening order; their {@link ChatSession#joined()} tells which joined.
   */
  List<ChatSession> openAll(long deadlineNanos) throws InterruptedException {
    Semaphore window = new Semaphore(settings.connectWindow());
    // The first client goes alone: it loads the generator's classes, so that the others'
    // connect times measure the server rather than this JVM warming up.
    for (int i = 0; i < settings.clients(); i++) {
      if (i == 1) {
        awaitFirst(sessions.get(0), deadlineNanos);
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0 || !window.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        break;
      }
      // The senders are the first S clients to join (ChatLoad), so they are opened first.
      ChatSession session =
          open(i < settings.senders() ? settings.senderTarget() : settings.target());
      sessions.add(session);
      session.joined().whenComplete((nanos, failure) -> window.release());
    }
    long left = Math.max(0, deadlineNanos - System.nanoTime());
    window.tryAcquire(settings.connectWindow(), left, TimeUnit.NANOSECONDS);
    return List.copyOf(sessions);
  }

  private static void awaitFirst(ChatSession first, long deadlineNanos)
      throws InterruptedException {
    try {
      first.joined().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Reported with the others' outcomes (Connections); the rest are still tried.
      return;
    }
  }

  private ChatSession open(BenchTarget target) {
    ChatSession session = new ChatSession(settings.room(), counters, System.nanoTime());
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(target.webSocketUri())
            .version(WebSocketVersion.V13)
            .customHeaders(new DefaultHttpHeaders())
            .allowExtensions(false)
            .maxFramePayloadLength(MAX_FRAME_BYTES)
            .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
            .dropPongFrames(true)
            .build();
    ChannelFuture connecting =
        bootstrap
            .clone()
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(MAX_FRAME_BYTES))
                        .addLast(new WebSocketClientProtocolHandler(config))
                        .addLast(new WebSocketFrameAggregator(MAX_FRAME_BYTES))
                        .addLast(session);
                  }
                })
            .connect(new InetSocketAddress(target.address(), target.port()));
    connecting.addListener(
        done -> {
          if (!done.isSuccess()) {
            session.joined().completeExceptionally(done.cause());
          }
        });
    return session;
  }

  /** Runs {@code task} on an event loop after {@code delay} and completes with its result. */
  <T> CompletableFuture<T> after(Duration delay, Supplier<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    group.schedule(
        () -> {
          try {
            result.complete(task.get());
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        },
        delay.toNanos(),
        TimeUnit.NANOSECONDS);
    return result;
  }

  /** Closes every connection (stopping an event loop closes its channels) within 10 s. */
  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
