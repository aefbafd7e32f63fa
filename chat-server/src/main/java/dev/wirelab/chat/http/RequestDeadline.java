package dev.wirelab.chat.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request must arrive whole within the deadline, counted from its first byte (or from the
 * connection's start): the idle timer restarts on every byte, so without this a client sending a
 * header byte every few seconds (slowloris) would hold its connection for a day.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
  static final String NAME = "request-deadline";
  private static final Logger log = LoggerFactory.getLogger(RequestDeadline.class);

  private final long millis;
  private ScheduledFuture<?> timer;

  RequestDeadline(Duration deadline) {
    this.millis = deadline.toMillis();
  }

  /** The router got a whole request: the next one's deadline starts with its first byte. */
  static void completed(ChannelPipeline pipeline) {
    RequestDeadline deadline = pipeline.get(RequestDeadline.class);
    if (deadline != null) {
      deadline.cancel();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    arm(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (timer == null) {
      arm(ctx);
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  private void arm(ChannelHandlerContext ctx) {
    timer =
        ctx.executor()
            .schedule(
                () -> {
                  log.info(
                      "closing {}: no complete request within {} ms",
                      ctx.channel().remoteAddress(),
                      millis);
                  ctx.close();
                },
                millis,
                TimeUnit.MILLISECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
