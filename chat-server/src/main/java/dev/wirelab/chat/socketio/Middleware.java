package dev.wirelab.chat.socketio;

/**
 * Decides whether a socket may join a namespace, before its connection listeners run: {@code
 * nsp.use((socket, next) -> token ok ? next.proceed() : next.reject("unauthorized"))}. {@code next}
 * may be called later, from any thread; exactly once.
 */
@FunctionalInterface
public interface Middleware {
  void handle(Socket socket, Next next);

  /** The continuation of a middleware. */
  interface Next {
    /** Lets the socket go on to the next middleware, or in. */
    void proceed();

    /**
     * Refuses the socket: the client receives CONNECT_ERROR {@code {"message":..., "data":...}}.
     */
    void reject(String message, Object data);

    /** Refuses the socket with a message only. */
    default void reject(String message) {
      reject(message, null);
    }
  }
}
