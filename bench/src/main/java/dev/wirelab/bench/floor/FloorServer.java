package dev.wirelab.bench.floor;

import dev.wirelab.chat.http.IoTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The floor of the side-by-side: a bare Netty WebSocket server that answers the bench generator's
 * handshake with fixed frames and writes each {@code chat} frame it receives, unchanged, to every
 * channel of the room. No Engine.IO or Socket.IO runs per message, so its CPU per delivery is what
 * the kernel and Netty cost on this machine. {@code ./wirelab bench floor --port 3000}.
 */
public final class FloorServer implements AutoCloseable {
  private static final int MAX_FRAME_BYTES = 1 << 20;
  private static final long SHUTDOWN_TIMEOUT_SECONDS = 10;

  private final EventLoopGroup group;
  private final Channel serverChannel;

  private FloorServer(EventLoopGroup group, Channel serverChannel) {
    this.group = group;
    this.serverChannel = serverChannel;
  }

  /** Binds 127.0.0.1:{@code port} (0 for any free port) with event loops on {@code transport}. */
  public static FloorServer start(int port, IoTransport transport) {
    // One event loop per core, as the Socket.IO server runs: Netty's default of two per core
    // would have the floor pay for switching between them.
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            Runtime.getRuntime().availableProcessors(),
            new DefaultThreadFactory("bench-floor", true),
            transport.ioHandlerFactory());
    FloorRooms rooms = new FloorRooms();
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
                      ch.pipeline()
                          .addLast(new HttpServerCodec())
                          .addLast(new HttpObjectAggregator(MAX_FRAME_BYTES))
                          .addLast(
                              new WebSocketServerProtocolHandler(
                                  "/socket.io/", null, false, MAX_FRAME_BYTES, false, true))
                          .addLast(new FloorHandler(rooms));
                    }
                  })
              .bind("127.0.0.1", port)
              .syncUninterruptibly()
              .channel();
      return new FloorServer(group, channel);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    group
        .shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
  }
}
