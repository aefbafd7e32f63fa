package dev.wirelab.chat.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's WebSocket connection: writes packets and shared broadcast frames on it, and tells the
 * session when the client reads too slowly, since the kernel's buffer is the only queue here.
 */
final class WebSocketTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);

  private final EngineIoSession session;
  private final Channel channel;

  /** Where broadcasts are written and flushed from; see {@link #writeShared}. */
  private ChannelHandlerContext encoderContext;

  private ChannelHandlerContext flushContext;

  WebSocketTransport(EngineIoSession session, Channel channel) {
    this.session = session;
    this.channel = channel;
  }

  Channel channel() {
    return channel;
  }

  @Override
  public String name() {
    return "websocket";
  }

  @Override
  public void send(Packet packet) {
    channel.writeAndFlush(packet, channel.voidPromise());
    enforceLimits();
  }

  /**
   * Writes a complete WebSocket frame shared with other sessions, without flushing, and returns the
   * context to flush the connection from (below its flush consolidation, see {@link
   * EngineIoBroadcast}), or null when the connection is already gone. The frame skips the frame
   * encoder, which would copy it for every recipient.
   */
  ChannelHandlerContext writeShared(ByteBuf frame) {
    if (encoderContext == null) {
      // Looked up once per connection: a broadcast to thousands would otherwise walk each pipeline
      // twice.
      encoderContext = channel.pipeline().context(WebSocketFrameEncoder.class);
      ChannelHandlerContext consolidation =
          channel.pipeline().context(FlushConsolidationHandler.class);
      flushContext = consolidation != null ? consolidation : encoderContext;
    }
    if (encoderContext == null || encoderContext.isRemoved()) {
      log.debug("{}: connection already torn down; dropped a broadcast", session);
      return null;
    }
    encoderContext.write(frame.retainedDuplicate(), channel.voidPromise());
    enforceLimits();
    return flushContext;
  }

  private void enforceLimits() {
    long waiting = bytesWaiting();
    if (session.dropIfOverOwnLimit(waiting)) {
      return;
    }
    OutboundBudget budget = session.outboundBudget();
    if (budget.isExceededBy(waiting)) {
      log.warn(
          "{}: slow reader over the server's outbound budget: {} bytes wait for all clients, "
              + "maxTotalOutboundBytes {}, this one holds {}, more than its share; disconnecting",
          session,
          budget.total(),
          budget.limit(),
          waiting);
      session.dropSlowReader();
    }
  }

  @Override
  public long bytesWaiting() {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }

  /** Drops the connection at once: a close frame would only queue behind what is not read. */
  void abandon() {
    channel.close();
  }

  @Override
  public void close(CloseReason reason) {
    if (channel.isActive()) {
      WebSocketCloseStatus status =
          reason == CloseReason.PARSE_ERROR
              ? WebSocketCloseStatus.PROTOCOL_ERROR
              : WebSocketCloseStatus.NORMAL_CLOSURE;
      channel
          .writeAndFlush(new CloseWebSocketFrame(status))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }
}
