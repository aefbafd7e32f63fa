package dev.wirelab.chat.socketio.adapter;

import java.util.Collection;
import java.util.Set;

/**
 * Who a broadcast goes to: members of any of {@code rooms} (everyone when empty), minus members of
 * any of {@code except}; a volatile broadcast skips recipients that cannot take more data; a local
 * one stays on this node (a cluster adapter does not publish it).
 */
public record BroadcastOptions(
    Set<String> rooms, Set<String> except, boolean isVolatile, boolean isLocal) {
  public BroadcastOptions {
    rooms = Set.copyOf(rooms);
    except = Set.copyOf(except);
  }

  /** Options for every node of the cluster. */
  public BroadcastOptions(Set<String> rooms, Set<String> except, boolean isVolatile) {
    this(rooms, except, isVolatile, false);
  }

  /** Every socket of the namespace. */
  public static BroadcastOptions everyone() {
    return new BroadcastOptions(Set.of(), Set.of(), false);
  }

  /** The same target on this node only. */
  public BroadcastOptions asLocal() {
    return new BroadcastOptions(rooms, except, isVolatile, true);
  }

  /** Whether a socket in {@code socketRooms} (its own id room included) is a recipient. */
  public boolean matches(Collection<String> socketRooms) {
    boolean inTarget = rooms.isEmpty() || socketRooms.stream().anyMatch(rooms::contains);
    return inTarget && socketRooms.stream().noneMatch(except::contains);
  }
}
