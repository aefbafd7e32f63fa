package dev.wirelab.labs.lab10;

import dev.wirelab.labs.support.Narrator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.logging.ByteBufFormat;
import io.netty.handler.logging.LoggingHandler;

/**
 * Netty's own {@link LoggingHandler}, hex dump and all, printing to the lab's output instead of a
 * log file: the lab's reader sees what a Netty developer sees in their logs.
 */
final class NarratingLoggingHandler extends LoggingHandler {
  private final Narrator narrator;

  NarratingLoggingHandler(Narrator narrator) {
    super(ByteBufFormat.HEX_DUMP);
    this.narrator = narrator;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    narrator.say("%s", format(ctx, "ACTIVE"));
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    narrator.say("%s", format(ctx, "READ", message));
    ctx.fireChannelRead(message);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
    narrator.say("%s", format(ctx, "WRITE", message));
    ctx.write(message, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    narrator.say("%s", format(ctx, "INACTIVE"));
    ctx.fireChannelInactive();
  }
}
