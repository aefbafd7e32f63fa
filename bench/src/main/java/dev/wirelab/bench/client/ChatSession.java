package dev.wirelab.bench.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One bench client on one WebSocket: waits for the Engine.IO open packet, joins the main namespace,
 * emits {@code join} and completes {@link #joined()} with the connect time when the ack arrives;
 * then answers pings and records each {@code chat} delivery.
 */
final class ChatSession extends SimpleChannelInboundHandler<WebSocketFrame> {
  private enum State {
    HANDSHAKING,
    OPENING,
    CONNECTING,
    JOINING,
    JOINED,
    CLOSED
  }

  private final String room;
  private final LoadCounters counters;
  private final long connectStartNanos;
  private final CompletableFuture<Long> joined = new CompletableFuture<>();
  private State state = State.HANDSHAKING;
  private Channel channel;

  ChatSession(String room, LoadCounters counters, long connectStartNanos) {
    this.room = room;
    this.counters = counters;
    this.connectStartNanos = connectStartNanos;
  }

  /**
   * Completes with nanoseconds from connect to join ack, or fails with why it did not get there.
   */
  CompletableFuture<Long> joined() {
    return joined;
  }

  /** The connection, once the WebSocket is open. */
  Channel channel() {
    return channel;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      channel = ctx.channel();
      state = State.OPENING;
    } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      fail(ctx, "WebSocket handshake timed out");
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (!(frame instanceof TextWebSocketFrame)) {
      return;
    }
    if (state == State.JOINED) {
      long scheduled = ChatFrames.scheduledNanos(frame.content());
      if (scheduled >= 0) {
        counters.delivered(scheduled);
        return;
      }
    }
    onControl(ctx, frame.content().toString(StandardCharsets.UTF_8));
  }

  private void onControl(ChannelHandlerContext ctx, String text) {
    if (text.equals("2")) {
      ctx.writeAndFlush(new TextWebSocketFrame(ChatFrames.PONG));
    } else if (state == State.OPENING && text.startsWith("0")) {
      state = State.CONNECTING;
      ctx.writeAndFlush(new TextWebSocketFrame(ChatFrames.CONNECT));
    } else if (state == State.CONNECTING && text.startsWith("40")) {
      state = State.JOINING;
      ctx.writeAndFlush(new TextWebSocketFrame(ChatFrames.join(room)));
    } else if (text.startsWith("44")) {
      fail(ctx, "the server refused the Socket.IO connection: " + text);
    } else if (state == State.JOINING && text.startsWith("430")) {
      state = State.JOINED;
      joined.complete(System.nanoTime() - connectStartNanos);
    } else if (text.startsWith("41") || text.equals("1")) {
      ctx.close();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (state == State.JOINED) {
      counters.disconnected();
      state = State.CLOSED;
    }
    fail(ctx, "the server closed the connection before the join was acknowledged");
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(ctx, cause.toString());
  }

  private void fail(ChannelHandlerContext ctx, String why) {
    if (state == State.JOINED) {
      counters.failure(why);
    }
    state = State.CLOSED;
    joined.completeExceptionally(new IllegalStateException(why));
    ctx.close();
  }
}
