package dev.wirelab.chat.socketio.cluster;

import dev.wirelab.chat.socketio.adapter.Adapter;
import dev.wirelab.chat.socketio.adapter.BroadcastOptions;
import dev.wirelab.chat.socketio.adapter.InMemoryAdapter;
import java.util.Collection;
import java.util.Set;

/**
 * The part every cluster adapter keeps to itself: which of this node's sockets are in which room.
 * Membership is never published; the other nodes learn of it only through requests.
 */
public abstract class LocalMembership implements Adapter {
  /** The namespace's sockets on this node. */
  protected final InMemoryAdapter local;

  protected LocalMembership(InMemoryAdapter local) {
    this.local = local;
  }

  @Override
  public void join(String socketId, Collection<String> rooms) {
    local.join(socketId, rooms);
  }

  @Override
  public void leave(String socketId, String room) {
    local.leave(socketId, room);
  }

  @Override
  public void leaveAll(String socketId) {
    local.leaveAll(socketId);
  }

  @Override
  public Set<String> rooms(String socketId) {
    return local.rooms(socketId);
  }

  @Override
  public Set<String> socketIds(BroadcastOptions target) {
    return local.socketIds(target);
  }
}
