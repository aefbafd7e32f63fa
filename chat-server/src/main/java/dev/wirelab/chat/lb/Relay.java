package dev.wirelab.chat.lb;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies bytes one way, from its channel to {@code other}, once a WebSocket upgrade has made the
 * connection opaque; one on each side. When {@code other} cannot keep up, reading stops here until
 * it drains.
 */
final class Relay extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(Relay.class);

  private final Channel other;

  Relay(Channel other) {
    this.other = other;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    other.write(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    other.flush();
    if (!other.isWritable()) {
      ctx.channel().config().setAutoRead(false);
    }
  }

  /** This side drained: the other side may read again. */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      other.config().setAutoRead(true);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closeAfterFlush(other);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A peer that resets its connection is normal for a proxy; one line, and both sides go.
    log.debug("{}: {}", ctx.channel(), cause.toString());
    ctx.close();
  }

  static void closeAfterFlush(Channel channel) {
    if (channel.isActive()) {
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
