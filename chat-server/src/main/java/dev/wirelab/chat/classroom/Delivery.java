package dev.wirelab.chat.classroom;

/**
 * What the chat asks of Socket.IO: deliver an event to one page, a room or everyone, and move pages
 * between rooms. {@link SocketIoDelivery} is the real one; keeping it this narrow lets {@link
 * ChatEvents} read as the chat's rules alone.
 */
interface Delivery {
  void toSocket(String socketId, String event, Object payload);

  void toRoom(String room, String event, Object payload);

  /** To a room but not to the page that caused it (typing, join notices). */
  void toRoomExcept(String room, String exceptSocketId, String event, Object payload);

  /** To every page but those in {@code exceptRoom}. */
  void toAllExcept(String exceptRoom, String event, Object payload);

  void join(String socketId, String room);

  void leave(String socketId, String room);

  /** Ends a page's session from the server side; it will not reconnect by itself. */
  void disconnect(String socketId);
}
