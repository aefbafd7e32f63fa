package dev.wirelab.chat.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.chat.socketio.Args;
import dev.wirelab.chat.socketio.Namespace;
import dev.wirelab.chat.socketio.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plugs the chat into the Socket.IO server's main namespace: a middleware checks names and tokens,
 * each chat event goes to {@link ChatEvents}, and deliveries become room broadcasts.
 */
final class SocketIoDelivery implements Delivery {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Namespace namespace;

  SocketIoDelivery(Namespace namespace) {
    this.namespace = namespace;
  }

  /** Registers the chat's middleware and event listeners on the namespace. */
  void serve(ChatEvents chat) {
    namespace.use(
        (socket, next) -> {
          Optional<String> refusal = chat.refuse(auth(socket));
          if (refusal.isPresent()) {
            next.reject(refusal.get());
          } else {
            next.proceed();
          }
        });
    namespace.onConnection(
        socket -> {
          String id = socket.id();
          for (String event : ChatEvents.EVENTS) {
            socket.on(event, (args, ack) -> chat.onEvent(id, event, plain(args), ack::send));
          }
          socket.onDisconnect(reason -> chat.disconnected(id));
          chat.connected(id, auth(socket));
        });
  }

  @Override
  public void toSocket(String socketId, String event, Object payload) {
    namespace.to(socketId).emit(event, payload);
  }

  @Override
  public void toRoom(String room, String event, Object payload) {
    namespace.to(room).emit(event, payload);
  }

  @Override
  public void toRoomExcept(String room, String exceptSocketId, String event, Object payload) {
    namespace.to(room).except(exceptSocketId).emit(event, payload);
  }

  @Override
  public void toAllExcept(String exceptRoom, String event, Object payload) {
    namespace.except(exceptRoom).emit(event, payload);
  }

  @Override
  public void join(String socketId, String room) {
    namespace.socket(socketId).ifPresent(socket -> socket.join(room));
  }

  @Override
  public void leave(String socketId, String room) {
    namespace.socket(socketId).ifPresent(socket -> socket.leave(room));
  }

  @Override
  public void disconnect(String socketId) {
    // A DISCONNECT packet rather than closing the transport: the client then does not reconnect.
    namespace.socket(socketId).ifPresent(socket -> socket.disconnect(false));
  }

  private static Map<?, ?> auth(Socket socket) {
    JsonNode auth = socket.handshake().auth();
    return auth != null && auth.isObject() ? JSON.convertValue(auth, Map.class) : Map.of();
  }

  /** The chat's rules read maps, lists, strings and numbers, not JSON trees. */
  private static List<Object> plain(Args args) {
    List<Object> values = new ArrayList<>();
    for (JsonNode arg : args) {
      values.add(JSON.convertValue(arg, Object.class));
    }
    return values;
  }
}
