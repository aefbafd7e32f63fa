package dev.wirelab.labs.lab10;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The same echo on one Netty event loop: a single thread and a selector watch every connection and
 * run a handler only when a connection has bytes to read; an idle connection costs no thread.
 */
final class NettyEchoServer implements EchoServer {
  private static final long SHUTDOWN_SECONDS = 5;

  private final EventLoopGroup loop;
  private final Channel listener;
  private final ChannelGroup clients;
  private final ConnectionCount connections;

  private NettyEchoServer(
      EventLoopGroup loop, Channel listener, ChannelGroup clients, ConnectionCount connections) {
    this.loop = loop;
    this.listener = listener;
    this.clients = clients;
    this.connections = connections;
  }

  /**
   * Listens on {@code host:port}. Each new connection's pipeline starts with the handlers {@code
   * extraHandlers} makes (none, or a logging handler), then counts and echoes.
   */
  static NettyEchoServer start(
      String host,
      int port,
      ConnectionCount connections,
      Consumer<String> problems,
      Supplier<ChannelHandler[]> extraHandlers)
      throws IOException, InterruptedException {
    // One thread for everything: accepting, reading and writing every connection.
    EventLoopGroup loop =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("lab10-netty"), NioIoHandler.newFactory());
    ChannelGroup clients = new DefaultChannelGroup(loop.next());
    ChannelFuture bound =
        new ServerBootstrap()
            .group(loop)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    clients.add(channel);
                    channel
                        .pipeline()
                        .addLast(extraHandlers.get())
                        .addLast(new Counter(connections), new Echo(problems));
                  }
                })
            .bind(host, port)
            .await();
    if (!bound.isSuccess()) {
      loop.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS)
          .await(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
      throw bound.cause() instanceof IOException io ? io : new IOException(bound.cause());
    }
    return new NettyEchoServer(loop, bound.channel(), clients, connections);
  }

  @Override
  public int port() {
    return ((java.net.InetSocketAddress) listener.localAddress()).getPort();
  }

  @Override
  public ConnectionCount connections() {
    return connections;
  }

  @Override
  public void awaitStop() throws InterruptedException {
    listener.closeFuture().await();
  }

  /** Closes the listener and every connection, and waits for the event loop's thread to end. */
  @Override
  public void close() {
    listener.close().awaitUninterruptibly(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    // Close connections while the loop still runs: the JDK frees a closed socket registered with a
    // selector only at that selector's next select, which a loop already shutting down may skip.
    clients.close().awaitUninterruptibly(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    loop.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS)
        .awaitUninterruptibly(2 * SHUTDOWN_SECONDS, TimeUnit.SECONDS);
  }

  /** Keeps the count of open connections. */
  private static final class Counter extends ChannelInboundHandlerAdapter {
    private final ConnectionCount connections;

    Counter(ConnectionCount connections) {
      this.connections = connections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      connections.opened();
      ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      connections.closed();
      ctx.fireChannelInactive();
    }
  }

  /** Writes back every buffer it reads; the write releases the buffer once it is on the wire. */
  private static final class Echo extends ChannelInboundHandlerAdapter {
    private final Consumer<String> problems;

    Echo(Consumer<String> problems) {
      this.problems = problems;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      ctx.write(message);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      problems.accept(
          "connection " + ctx.channel().remoteAddress() + " failed: " + cause.getMessage());
      ctx.close();
    }
  }
}
