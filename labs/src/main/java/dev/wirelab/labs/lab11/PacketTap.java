package dev.wirelab.labs.lab11;

import java.util.function.Predicate;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.Buffer;
import okio.ByteString;

/**
 * Sits between a Socket.IO Java client and its WebSocket: hears every Engine.IO frame sent and
 * received, and can cut the connection the way a dropped network would, at a chosen frame.
 */
public final class PacketTap implements WebSocket.Factory {
  /** Hears each frame crossing the WebSocket. */
  @FunctionalInterface
  public interface Listener {
    void frame(boolean outgoing, String text);

    /** A binary frame: one attachment of a Socket.IO binary packet. */
    default void attachment(boolean outgoing, byte[] bytes) {}

    /** The body of one long-polling request ({@code outgoing}) or response. */
    default void polling(boolean outgoing, String method, String body) {}
  }

  private final WebSocket.Factory http;
  private final Listener listener;
  private volatile WebSocket current;
  private volatile Predicate<String> cutBefore;

  public PacketTap(WebSocket.Factory http, Listener listener) {
    this.http = http;
    this.listener = listener;
  }

  /** Hears the long-polling requests of a client that starts on polling. */
  Interceptor polling() {
    return chain -> {
      Request request = chain.request();
      String sent = "";
      if (request.body() != null) {
        Buffer body = new Buffer();
        request.body().writeTo(body);
        sent = body.readUtf8();
      }
      if (request.method().equals("POST")) {
        listener.polling(true, "POST", sent);
      }
      Response response = chain.proceed(request);
      if (request.method().equals("GET")) {
        listener.polling(false, "GET", response.peekBody(1 << 16).string());
      }
      return response;
    };
  }

  /** Drops the TCP connection now, without a goodbye: the client sees a transport error. */
  public void cut() {
    WebSocket socket = current;
    if (socket != null) {
      socket.cancel();
    }
  }

  /**
   * Cuts the connection when the next received frame matches, before the client sees that frame.
   */
  public void cutBeforeNextReceived(Predicate<String> frame) {
    cutBefore = frame;
  }

  @Override
  public WebSocket newWebSocket(Request request, WebSocketListener client) {
    Tapped tapped = new Tapped();
    tapped.delegate =
        http.newWebSocket(
            request,
            new WebSocketListener() {
              @Override
              public void onOpen(WebSocket webSocket, Response response) {
                client.onOpen(tapped, response);
              }

              @Override
              public void onMessage(WebSocket webSocket, String text) {
                Predicate<String> cut = cutBefore;
                if (cut != null && cut.test(text)) {
                  cutBefore = null;
                  webSocket.cancel();
                  return;
                }
                listener.frame(false, text);
                client.onMessage(tapped, text);
              }

              @Override
              public void onMessage(WebSocket webSocket, ByteString bytes) {
                listener.attachment(false, bytes.toByteArray());
                client.onMessage(tapped, bytes);
              }

              @Override
              public void onClosing(WebSocket webSocket, int code, String reason) {
                client.onClosing(tapped, code, reason);
              }

              @Override
              public void onClosed(WebSocket webSocket, int code, String reason) {
                client.onClosed(tapped, code, reason);
              }

              @Override
              public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
                client.onFailure(tapped, failure, response);
              }
            });
    current = tapped.delegate;
    return tapped;
  }

  /** The WebSocket the client writes to: every frame is heard on its way out. */
  private final class Tapped implements WebSocket {
    private volatile WebSocket delegate;

    @Override
    public boolean send(String text) {
      listener.frame(true, text);
      return delegate.send(text);
    }

    @Override
    public boolean send(ByteString bytes) {
      listener.attachment(true, bytes.toByteArray());
      return delegate.send(bytes);
    }

    @Override
    public Request request() {
      return delegate.request();
    }

    @Override
    public long queueSize() {
      return delegate.queueSize();
    }

    @Override
    public boolean close(int code, String reason) {
      return delegate.close(code, reason);
    }

    @Override
    public void cancel() {
      delegate.cancel();
    }
  }
}
