package dev.wirelab.chat.engineio;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * Engine.IO packets over WebSocket: a text frame holds one text packet, a binary frame holds the
 * raw bytes of one binary message. Control frames pass through untouched.
 */
public final class WebSocketPacketCodec extends MessageToMessageCodec<WebSocketFrame, Packet> {

  @Override
  protected void encode(ChannelHandlerContext ctx, Packet packet, List<Object> out) {
    if (packet.isBinary()) {
      out.add(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(packet.binary())));
    } else {
      out.add(new TextWebSocketFrame(
          ByteBufUtil.writeUtf8(ctx.alloc(), PacketCodec.encode(packet))));
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out)
      throws PacketParseException {
    if (frame instanceof TextWebSocketFrame text) {
      out.add(PacketCodec.decode(text.text()));
    } else if (frame instanceof BinaryWebSocketFrame binary) {
      out.add(Packet.binary(ByteBufUtil.getBytes(binary.content())));
    } else {
      out.add(frame.retain());
    }
  }
}
