package dev.wirelab.inspector.app.socketio;

/** The seven Socket.IO v5 packet types; the ordinal is the digit on the wire. */
public enum SocketIoPacketType {
  CONNECT,
  DISCONNECT,
  EVENT,
  ACK,
  CONNECT_ERROR,
  BINARY_EVENT,
  BINARY_ACK;

  public boolean isBinary() {
    return this == BINARY_EVENT || this == BINARY_ACK;
  }

  public boolean isEvent() {
    return this == EVENT || this == BINARY_EVENT;
  }
}
