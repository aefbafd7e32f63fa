package dev.wirelab.chat.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answering side of one HTTP request: exactly one reply, which may be sent later and from any
 * thread (a long-polling GET is answered when there is something to say).
 */
public final class HttpExchange {
  private final Channel channel;
  private final boolean keepAlive;
  private final HttpHeaders extraHeaders = new DefaultHttpHeaders();
  private final AtomicBoolean replied = new AtomicBoolean();

  public HttpExchange(Channel channel, boolean keepAlive) {
    this.channel = channel;
    this.keepAlive = keepAlive;
  }

  /** The connection the request came on; its close future tells when the client went away. */
  public Channel channel() {
    return channel;
  }

  /** Headers added to the reply, e.g. CORS headers decided when the request arrived. */
  public HttpHeaders extraHeaders() {
    return extraHeaders;
  }

  public boolean isReplied() {
    return replied.get();
  }

  public void reply(HttpResponseStatus status, CharSequence contentType, String body) {
    reply(status, contentType, ByteBufUtil.writeUtf8(channel.alloc(), body));
  }

  public void reply(HttpResponseStatus status, CharSequence contentType, byte[] body) {
    reply(status, contentType, Unpooled.wrappedBuffer(body));
  }

  public void replyJson(HttpResponseStatus status, String json) {
    reply(status, HttpHeaderValues.APPLICATION_JSON, json);
  }

  /** A reply without a body, such as 204 to a CORS preflight. */
  public void replyEmpty(HttpResponseStatus status) {
    reply(status, null, Unpooled.EMPTY_BUFFER);
  }

  /** Sends the reply, taking ownership of {@code body}; a second reply is a programming error. */
  public void reply(HttpResponseStatus status, CharSequence contentType, ByteBuf body) {
    if (!replied.compareAndSet(false, true)) {
      body.release();
      throw new IllegalStateException("this HTTP request was already answered");
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    response.headers().add(extraHeaders);
    if (contentType != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    HttpUtil.setContentLength(response, body.readableBytes());
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      channel.writeAndFlush(response, channel.voidPromise());
    } else {
      channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
