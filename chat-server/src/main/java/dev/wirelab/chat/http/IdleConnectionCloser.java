package dev.wirelab.chat.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections on which nothing moved for the idle timeout, so clients that connect and then
 * say nothing cannot pile up. Live Engine.IO sessions never idle that long: the heartbeat crosses
 * every connection they use within pingInterval.
 */
@Sharable
final class IdleConnectionCloser extends ChannelDuplexHandler {
  private static final Logger log = LoggerFactory.getLogger(IdleConnectionCloser.class);

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      log.debug("closing idle connection {}", ctx.channel().remoteAddress());
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }
}
