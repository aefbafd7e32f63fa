package dev.wirelab.bench.floor;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelMatchers;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generator client on the floor server: the fixed answers its handshake waits for, then every
 * {@code chat} frame goes to the room as received. The bench generator's frames are known ({@code
 * dev.wirelab.bench.client.ChatFrames}); anything else is ignored, because this is a measuring
 * instrument, not a server.
 */
final class FloorHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
  /** Engine.IO OPEN: the generator reads only that it starts with {@code 0}. */
  private static final String OPEN =
      "0{\"sid\":\"floor\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,"
          + "\"maxPayload\":1000000}";

  private static final String CONNECTED = "40{\"sid\":\"floor\"}";
  private static final String JOIN_PREFIX = "420[\"join\",\"";
  private static final String JOINED = "430[\"joined\"]";
  private static final byte[] CHAT_PREFIX = "42[\"chat\"".getBytes(StandardCharsets.US_ASCII);
  private static final Logger log = LoggerFactory.getLogger(FloorHandler.class);

  private final FloorRooms rooms;
  private ChannelGroup room;

  FloorHandler(FloorRooms rooms) {
    super(false);
    this.rooms = rooms;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
      ctx.writeAndFlush(new TextWebSocketFrame(OPEN));
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
    if (room != null && isChat(frame)) {
      // One frame, encoded once by the sender, written to every channel: the least a broadcast
      // can cost. The group writes a retained duplicate to each channel and releases the frame.
      room.writeAndFlush(frame, ChannelMatchers.all(), true);
      return;
    }
    String text = frame.text();
    frame.release();
    if (text.equals("40")) {
      ctx.writeAndFlush(new TextWebSocketFrame(CONNECTED));
    } else if (text.startsWith(JOIN_PREFIX) && text.endsWith("\"]")) {
      room = rooms.join(text.substring(JOIN_PREFIX.length(), text.length() - 2), ctx.channel());
      ctx.writeAndFlush(new TextWebSocketFrame(JOINED));
    }
  }

  /** A client that breaks off is one line, as the real servers log it, and closed. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.info("floor client {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  private static boolean isChat(TextWebSocketFrame frame) {
    ByteBuf content = frame.content();
    if (content.readableBytes() < CHAT_PREFIX.length) {
      return false;
    }
    for (int i = 0; i < CHAT_PREFIX.length; i++) {
      if (content.getByte(content.readerIndex() + i) != CHAT_PREFIX[i]) {
        return false;
      }
    }
    return true;
  }
}
