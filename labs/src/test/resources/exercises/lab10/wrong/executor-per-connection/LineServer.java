import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.util.concurrent.DefaultEventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Exercise 10, a model solution: a line server on one Netty event loop. One thread and a
 * selector serve every connection; a connection costs a channel and a pipeline, not a thread.
 */
public class LineServer {
  /** A line longer than this is refused instead of buffered without end. */
  static final int MAX_LINE = 1024;

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9010;
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel listener = new ServerBootstrap()
          .group(loop)
          .channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              // Bytes in: cut at each \n, then decode; strings out: encode.
              channel.pipeline().addLast(new DefaultEventExecutor(), new LineBasedFrameDecoder(MAX_LINE),
                  new StringDecoder(StandardCharsets.UTF_8),
                  new StringEncoder(StandardCharsets.UTF_8),
                  new Shout());
            }
          })
          .bind("127.0.0.1", port).sync().channel();
      System.out.println("listening on " + listener.localAddress());
      listener.closeFuture().sync();
    } finally {
      loop.shutdownGracefully();
    }
  }

  /** Answers each line in capitals; it runs on the event loop, so it must never block. */
  static final class Shout extends SimpleChannelInboundHandler<String> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
      ctx.writeAndFlush(line.toUpperCase(Locale.ROOT) + "\n");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      System.out.println(ctx.channel().remoteAddress() + ": " + cause.getMessage());
      ctx.close();
    }
  }
}
