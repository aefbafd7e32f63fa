package dev.wirelab.chat.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.chat.engineio.EngineIoSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the Socket.IO engine of issue #3 while it is being written: text packets on the
 * main namespace only (CONNECT with auth, EVENT, ACK, DISCONNECT), rooms in memory. It is
 * replaced by {@code dev.wirelab.chat.socketio} as soon as that lands.
 */
final class InterimSocketIo implements EngineIoSocket.ConnectionListener, Delivery {
  private static final Logger log = LoggerFactory.getLogger(InterimSocketIo.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, EngineIoSocket> sockets = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();
  private volatile ChatEvents chat;

  void serve(ChatEvents chat) {
    this.chat = chat;
  }

  @Override
  public void onOpen(EngineIoSocket engineSocket) {
    engineSocket.setHandler(new EngineIoSocket.Handler() {
      private String id;

      @Override
      public void onMessage(String text) {
        try {
          id = onPacket(engineSocket, id, text);
        } catch (RuntimeException | JsonProcessingException e) {
          log.info("closing {}: bad packet {}", engineSocket.id(), e.getMessage());
          engineSocket.close();
        }
      }

      @Override
      public void onBinary(byte[] binary) {
        log.info("closing {}: the chat takes no binary data", engineSocket.id());
        engineSocket.close();
      }

      @Override
      public void onClose(String reason) {
        if (id != null) {
          forget(id);
          chat.disconnected(id);
        }
      }
    });
  }

  /** Handles one Socket.IO packet; returns the socket id once connected. */
  private String onPacket(EngineIoSocket engineSocket, String id, String text) throws JsonProcessingException {
    char type = text.charAt(0);
    int i = 1;
    if (i < text.length() && text.charAt(i) == '/') {
      int comma = text.indexOf(',', i);
      String nsp = comma < 0 ? text.substring(i) : text.substring(i, comma);
      if (!nsp.equals("/")) {
        engineSocket.send("4" + nsp + "," + JSON.writeValueAsString(Map.of("message", "Invalid namespace")));
        return id;
      }
      i = comma < 0 ? text.length() : comma + 1;
    }
    int digits = i;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    Long ackId = digits > i ? Long.parseLong(text.substring(i, digits)) : null;
    String body = text.substring(digits);
    Object data = body.isEmpty() ? null : JSON.readValue(body, Object.class);
    switch (type) {
      case '0' -> {
        Map<?, ?> auth = data instanceof Map<?, ?> map ? map : Map.of();
        var refusal = chat.refuse(auth);
        if (refusal.isPresent()) {
          engineSocket.send("4" + JSON.writeValueAsString(Map.of("message", refusal.get())));
          return id;
        }
        String socketId = newId();
        sockets.put(socketId, engineSocket);
        join(socketId, socketId);
        engineSocket.send("0" + JSON.writeValueAsString(Map.of("sid", socketId)));
        chat.connected(socketId, auth);
        return socketId;
      }
      case '2' -> {
        if (id == null || !(data instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof String event)) {
          throw new IllegalArgumentException("an EVENT needs a connection and a [name, ...] array");
        }
        List<Object> args = new ArrayList<>(list.subList(1, list.size()));
        Consumer<Object> ack = ackId == null ? reply -> { } : reply -> send(engineSocket, "3" + ackId, List.of(reply));
        chat.onEvent(id, event, args, ack);
        return id;
      }
      case '1' -> {
        engineSocket.close();
        return id;
      }
      default -> throw new IllegalArgumentException("unexpected packet type " + type);
    }
  }

  private static String newId() {
    byte[] bytes = new byte[15];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private void forget(String id) {
    sockets.remove(id);
    rooms.values().forEach(members -> members.remove(id));
  }

  @Override
  public void toSocket(String socketId, String event, Object payload) {
    toRoom(socketId, event, payload);
  }

  @Override
  public void toRoom(String room, String event, Object payload) {
    toRoomExcept(room, null, event, payload);
  }

  @Override
  public void toRoomExcept(String room, String exceptSocketId, String event, Object payload) {
    for (String member : rooms.getOrDefault(room, Set.of())) {
      EngineIoSocket socket = sockets.get(member);
      if (socket != null && !member.equals(exceptSocketId)) {
        send(socket, "2", List.of(event, payload));
      }
    }
  }

  @Override
  public void toAll(String event, Object payload) {
    sockets.values().forEach(socket -> send(socket, "2", List.of(event, payload)));
  }

  @Override
  public void join(String socketId, String room) {
    rooms.computeIfAbsent(room, name -> ConcurrentHashMap.newKeySet()).add(socketId);
  }

  @Override
  public void leave(String socketId, String room) {
    rooms.getOrDefault(room, Set.of()).remove(socketId);
  }

  @Override
  public void disconnect(String socketId) {
    EngineIoSocket socket = sockets.get(socketId);
    if (socket != null) {
      socket.send("1");
      socket.close();
    }
  }

  private static void send(EngineIoSocket socket, String prefix, List<Object> data) {
    try {
      socket.send(prefix + JSON.writeValueAsString(data));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + data, e);
    }
  }
}
