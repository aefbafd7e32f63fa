package dev.wirelab.chat.engineio;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.util.List;

/**
 * Engine.IO packets over WebSocket: a text frame holds one text packet, a binary frame holds the
 * raw bytes of one binary message. Control frames pass through untouched. It keeps no state, so one
 * instance serves every connection.
 *
 * <p>A message split into fragments is rare (browsers and the Socket.IO clients send whole frames),
 * so a connection gets a {@link WebSocketFrameAggregator} only when its first fragment arrives: the
 * aggregator joins the pipeline just before this codec and takes that fragment, and the thousands
 * of connections that never fragment do not each carry one.
 */
@Sharable
public final class WebSocketPacketCodec extends MessageToMessageCodec<WebSocketFrame, Packet> {
  private static final String AGGREGATOR_NAME = "ws-aggregator";
  private final int maxMessageBytes;

  /**
   * @param maxMessageBytes the largest message a fragmented one may add up to (maxPayload)
   */
  public WebSocketPacketCodec(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Packet packet, List<Object> out) {
    if (packet.isBinary()) {
      out.add(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(packet.binary())));
    } else {
      out.add(
          new TextWebSocketFrame(ByteBufUtil.writeUtf8(ctx.alloc(), PacketCodec.encode(packet))));
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out)
      throws Exception {
    if (isFragment(frame) && ctx.pipeline().get(AGGREGATOR_NAME) == null) {
      ctx.pipeline()
          .addBefore(ctx.name(), AGGREGATOR_NAME, new WebSocketFrameAggregator(maxMessageBytes));
      ChannelHandlerContext aggregator = ctx.pipeline().context(AGGREGATOR_NAME);
      // Handed to the aggregator as if it had come down the pipeline; it passes the whole message
      // on.
      ((ChannelInboundHandler) aggregator.handler()).channelRead(aggregator, frame.retain());
      return;
    }
    if (frame instanceof TextWebSocketFrame text) {
      out.add(PacketCodec.decode(text.text()));
    } else if (frame instanceof BinaryWebSocketFrame binary) {
      out.add(Packet.binary(ByteBufUtil.getBytes(binary.content())));
    } else {
      out.add(frame.retain());
    }
  }

  private static boolean isFragment(WebSocketFrame frame) {
    return frame instanceof ContinuationWebSocketFrame
        || (!frame.isFinalFragment()
            && (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame));
  }
}
