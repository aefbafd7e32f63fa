package dev.wirelab.chat.http;

import dev.wirelab.chat.engineio.EngineIoServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One port for everything: static files, small HTTP routes and Engine.IO (long-polling and
 * WebSocket). {@code WebServer.builder().port(0).engineIo("/socket.io/", engine).start()}, then
 * {@link #port()}; {@link #close()} ends every session and waits for the event loops to stop.
 */
public final class WebServer implements AutoCloseable {
  /** The pipeline name of the HTTP router, which the WebSocket upgrade replaces. */
  public static final String ROUTER_NAME = "http-router";

  private static final String IDLE_TIMER_NAME = "idle-timer";
  private static final String IDLE_CLOSER_NAME = "idle-closer";

  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final long SHUTDOWN_TIMEOUT_SECONDS = 10;

  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final List<EngineIoServer> engines;
  private final ChannelGroup connections;

  private WebServer(
      EventLoopGroup group,
      Channel serverChannel,
      List<EngineIoServer> engines,
      ChannelGroup connections) {
    this.group = group;
    this.serverChannel = serverChannel;
    this.engines = engines;
    this.connections = connections;
  }

  public static Builder builder() {
    return new Builder();
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  public int port() {
    return localAddress().getPort();
  }

  /** Stops accepting, closes every Engine.IO session and waits (bounded) for the event loops. */
  @Override
  public void close() {
    serverChannel.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    for (EngineIoServer engine : engines) {
      engine.closeAll();
    }
    // Idle keep-alive connections of a browser that also holds an Engine.IO session were seen
    // to outlive the event loops' shutdown (left ESTABLISHED): close every connection explicitly.
    connections.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    boolean stopped =
        group
            .shutdownGracefully(0, 2, TimeUnit.SECONDS)
            .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!stopped) {
      log.warn("web server event loops did not stop within {} s", SHUTDOWN_TIMEOUT_SECONDS);
    }
  }

  /**
   * Ends the idle timeout of a connection whose protocol now watches it with its own heartbeat (an
   * Engine.IO WebSocket): no timer per connection, and no write listener per message.
   */
  public static void stopIdleTimeout(ChannelPipeline pipeline) {
    if (pipeline.get(IDLE_TIMER_NAME) != null) {
      pipeline.remove(IDLE_TIMER_NAME);
      pipeline.remove(IDLE_CLOSER_NAME);
    }
    if (pipeline.get(RequestDeadline.NAME) != null) {
      pipeline.remove(RequestDeadline.NAME);
    }
  }

  /** Collects the routes and the address, then {@link #start()}s the server. */
  public static final class Builder {
    private static final int MIN_REQUEST_BYTES = 64 * 1024;

    private String host = "127.0.0.1";
    private int port = 0;
    private int threads = Runtime.getRuntime().availableProcessors();
    private IoTransport transport = IoTransport.preferred();
    private final List<HttpRouter.Mapping> routes = new ArrayList<>();
    private final List<HttpRouter.Mapping> prefixRoutes = new ArrayList<>();
    private final List<EngineIoServer> engines = new ArrayList<>();
    private int maxRequestBytes = MIN_REQUEST_BYTES;
    private Duration idleTimeout = Duration.ofMinutes(2);
    private Duration requestDeadline = Duration.ofSeconds(10);
    private int maxConnections = 20_000;
    private int maxConnectionsPerAddress = 1_000;
    private long longestHeartbeatMillis;

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port to bind; 0 picks a free one (see {@link WebServer#port()}). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** How the event loops wait for the kernel (default {@link IoTransport#preferred()}). */
    public Builder transport(IoTransport transport) {
      this.transport = transport.requireAvailable();
      return this;
    }

    /**
     * How long a connection may stay silent before it is closed (default 2 minutes); never less
     * than a mounted Engine.IO server's pingInterval + pingTimeout.
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = timeout;
      return this;
    }

    /** How long a request may take to arrive whole, from its first byte (default 10 s). */
    public Builder requestDeadline(Duration deadline) {
      this.requestDeadline = deadline;
      return this;
    }

    /**
     * At most {@code total} open TCP connections (default 20 000) and {@code perAddress} from one
     * client address (default 1 000; loopback is not capped per address).
     */
    public Builder maxConnections(int total, int perAddress) {
      this.maxConnections = total;
      this.maxConnectionsPerAddress = perAddress;
      return this;
    }

    /** Serves an Engine.IO server under a path such as {@code /socket.io/}. */
    public Builder engineIo(String path, EngineIoServer engine) {
      engines.add(engine);
      maxRequestBytes = Math.max(maxRequestBytes, engine.options().maxPayload());
      longestHeartbeatMillis =
          Math.max(
              longestHeartbeatMillis,
              engine.options().pingIntervalMillis() + engine.options().pingTimeoutMillis());
      prefixRoutes.add(new HttpRouter.Mapping(null, path, true, engine));
      return this;
    }

    /** Serves the files of a directory under a URL prefix such as {@code /}. */
    public Builder staticResources(String urlPrefix, Path directory) {
      prefixRoutes.add(
          new HttpRouter.Mapping(
              null, urlPrefix, true, StaticFiles.fromDirectory(urlPrefix, directory)));
      return this;
    }

    /** Serves the resources of a class-path folder, e.g. {@code "web"}, under a URL prefix. */
    public Builder staticResources(String urlPrefix, String classpathFolder) {
      prefixRoutes.add(
          new HttpRouter.Mapping(
              null, urlPrefix, true, StaticFiles.fromClasspath(urlPrefix, classpathFolder)));
      return this;
    }

    /** Answers one method on one exact path, e.g. {@code route("GET", "/api/rooms", ...)}. */
    public Builder route(String method, String path, HttpRoute route) {
      routes.add(new HttpRouter.Mapping(method, path, false, route));
      return this;
    }

    /** Binds and starts serving; fails with the bind error (e.g. port in use). */
    public WebServer start() {
      List<HttpRouter.Mapping> mappings = new ArrayList<>(routes);
      prefixRoutes.stream()
          .sorted(Comparator.comparingInt((HttpRouter.Mapping m) -> m.path().length()).reversed())
          .forEach(mappings::add);
      HttpRouter router = new HttpRouter(mappings);
      int requestLimit = maxRequestBytes;
      long idleMillis = Math.max(idleTimeout.toMillis(), longestHeartbeatMillis);
      IdleConnectionCloser idleCloser = new IdleConnectionCloser();
      ConnectionLimiter limiter = new ConnectionLimiter(maxConnections, maxConnectionsPerAddress);
      Duration deadline = requestDeadline;

      ChannelGroup connections =
          new DefaultChannelGroup("wirelab-http", ImmediateEventExecutor.INSTANCE);
      EventLoopGroup group =
          new MultiThreadIoEventLoopGroup(
              threads,
              new DefaultThreadFactory("wirelab-http", true),
              transport.ioHandlerFactory());
      try {
        Channel channel =
            new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(
                    new ChannelInitializer<SocketChannel>() {
                      @Override
                      protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline()
                            .addLast(limiter)
                            .addLast(RequestDeadline.NAME, new RequestDeadline(deadline))
                            .addLast(
                                IDLE_TIMER_NAME,
                                new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS))
                            .addLast(IDLE_CLOSER_NAME, idleCloser)
                            .addLast(new FlushConsolidationHandler(256, true))
                            .addLast(new HttpServerCodec())
                            .addLast(new HttpObjectAggregator(requestLimit))
                            .addLast(ROUTER_NAME, router);
                      }
                    })
                .bind(host, port)
                .syncUninterruptibly()
                .channel();
        log.debug("web server on {} ({})", channel.localAddress(), transport.optionName());
        return new WebServer(group, channel, List.copyOf(engines), connections);
      } catch (Exception e) {
        // Netty throws the bind failure (a checked NativeIoException) without declaring it,
        // so only catching Exception gets the event loops shut down on a busy port.
        group
            .shutdownGracefully(0, 1, TimeUnit.SECONDS)
            .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        throw e;
      }
    }
  }
}
