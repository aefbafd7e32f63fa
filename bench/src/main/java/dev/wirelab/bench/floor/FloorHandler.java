package dev.wirelab.bench.floor;

import dev.wirelab.chat.engineio.EngineIoBroadcast;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
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
  private static final String CHAT_PREFIX = "42[\"chat\",";
  private static final Logger log = LoggerFactory.getLogger(FloorHandler.class);

  private final FloorRooms rooms;
  private FloorRoom room;

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
    String text = frame.text();
    frame.release();
    if (room != null && text.startsWith(CHAT_PREFIX)) {
      // The sender's own text is the broadcast ("42" and its arguments): no packet is decoded or
      // built, only the WebSocket frame around it, once for the whole room.
      room.broadcast(EngineIoBroadcast.textFrame(text.substring(1)));
    } else if (text.equals("40")) {
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
}
