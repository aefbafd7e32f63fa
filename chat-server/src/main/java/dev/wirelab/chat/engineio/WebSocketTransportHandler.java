package dev.wirelab.chat.engineio;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a WebSocket connection: passes packets to the session, answers WebSocket
 * control frames, and turns errors into the session's close reason.
 */
final class WebSocketTransportHandler extends SimpleChannelInboundHandler<Object> {
  private static final Logger log = LoggerFactory.getLogger(WebSocketTransportHandler.class);

  private static final Packet PROBE_ANSWER = Packet.text(PacketType.PONG, "probe");

  private final EngineIoSession session;

  WebSocketTransportHandler(EngineIoSession session) {
    this.session = session;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Object message) {
    if (message instanceof Packet packet) {
      if (packet.isProbe() && session.upgrade().isProbe(ctx.channel())) {
        answerProbe(ctx);
      }
      session.onWebSocketPacket(ctx.channel(), packet);
    } else if (message instanceof PingWebSocketFrame ping) {
      ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
    } else if (message instanceof CloseWebSocketFrame close) {
      ctx.writeAndFlush(close.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
    } else if (!(message instanceof PongWebSocketFrame)) {
      log.debug("{}: ignored {}", session, message);
    }
  }

  /**
   * Answers an upgrade's probe from this connection's loop as it is read, not from the session's,
   * which may be another loop busy with polling work; and flushed past the flush consolidation,
   * which would hold it to the end of this read. So everything the probe leads to (the upgrade that
   * the {@code 5} read next completes, the refusal of a GET the client sent after it) happens after
   * the {@code 3probe} is on the wire, whatever the loops' timing.
   */
  private static void answerProbe(ChannelHandlerContext ctx) {
    ctx.write(PROBE_ANSWER, ctx.voidPromise());
    ChannelHandlerContext consolidation = ctx.pipeline().context(FlushConsolidationHandler.class);
    (consolidation != null ? consolidation : ctx).flush();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    session.onWebSocketClosed(ctx.channel());
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof ClosedChannelException && !ctx.channel().isActive()) {
      // Writes that were queued when the connection closed; the close itself was reported.
      log.debug("{}: write after close: {}", session, cause.toString());
      return;
    }
    CloseReason reason;
    if (cause instanceof CorruptedWebSocketFrameException corrupted
            && corrupted.closeStatus().equals(WebSocketCloseStatus.MESSAGE_TOO_BIG)
        || cause instanceof TooLongFrameException) {
      log.info("{}: message larger than maxPayload; closing with 1009", session);
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
          .addListener(ChannelFutureListener.CLOSE);
      session.onWebSocketError(ctx.channel(), CloseReason.TRANSPORT_ERROR);
      return;
    } else if (cause instanceof CorruptedWebSocketFrameException
        || cause instanceof DecoderException && cause.getCause() instanceof PacketParseException) {
      log.info(
          "{}: parse error: {}",
          session,
          cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage());
      reason = CloseReason.PARSE_ERROR;
    } else if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
      log.info("{}: connection failed: {}", session, cause.toString());
      reason = CloseReason.TRANSPORT_ERROR;
    } else {
      log.warn("{}: unexpected error; closing", session, cause);
      reason = CloseReason.TRANSPORT_ERROR;
    }
    session.onWebSocketError(ctx.channel(), reason);
    ctx.close();
  }
}
