package dev.wirelab.chat.lb;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A load balancer with sticky sessions for Engine.IO: each request of a polling client goes to the
 * node that holds its session, found from the node tag its session id starts with; new sessions go
 * to the nodes in turn. Start it with {@link #start}, close it when done.
 */
public final class LoadBalancer implements AutoCloseable {
  static final String HTTP_CODEC = "http-codec";
  static final String HTTP_AGGREGATOR = "http-aggregator";

  /** The largest request or answer body passed through: well above Engine.IO's 1 MB payloads. */
  private static final int MAX_BODY = 8 << 20;

  private final EventLoopGroup group;
  private final Channel server;
  private final ChannelGroup clients;
  private final NodeRoutes routes;

  private LoadBalancer(
      EventLoopGroup group, Channel server, ChannelGroup clients, NodeRoutes routes) {
    this.group = group;
    this.server = server;
    this.clients = clients;
    this.routes = routes;
  }

  /**
   * Listens on {@code host:port} (0: any free port) in front of {@code nodes} ({@code
   * TAG=HOST:PORT} each, the tag being the node's {@code --node-tag}).
   */
  public static LoadBalancer start(String host, int port, List<String> nodes)
      throws InterruptedException {
    NodeRoutes routes = new NodeRoutes(nodes.stream().map(NodeRoutes.Node::parse).toList());
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            0, new DefaultThreadFactory("wirelab-lb"), NioIoHandler.newFactory());
    ChannelGroup clients = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
    try {
      Channel server =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                      clients.add(channel);
                      channel
                          .pipeline()
                          .addLast(HTTP_CODEC, new HttpServerCodec())
                          .addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_BODY))
                          .addLast(new ProxyHandler(routes, MAX_BODY));
                    }
                  })
              .bind(host, port)
              .sync()
              .channel();
      return new LoadBalancer(group, server, clients, routes);
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** The nodes, as {@code TAG=HOST:PORT}, in the order new sessions go to them. */
  public List<String> nodes() {
    return routes.nodes().stream().map(NodeRoutes.Node::toString).toList();
  }

  /** Stops listening, closes every client connection and waits (bounded) for the event loops. */
  @Override
  public void close() {
    server.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
    clients.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
