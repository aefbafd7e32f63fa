package dev.wirelab.chat.socketio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copy-on-write for a socket's listener lists and its map of them by event name, which are written
 * a few times at connect and mostly empty: an immutable list in a volatile field is its own
 * snapshot for readers on any thread, and every empty list is the same shared {@code List.of()}, so
 * an idle socket pays nothing for the kinds of listener it never registers.
 */
final class ListenerLists {
  private ListenerLists() {}

  /** A new immutable list: {@code list} followed by {@code added}. */
  static <T> List<T> concat(List<T> list, List<T> added) {
    List<T> copy = new ArrayList<>(list.size() + added.size());
    copy.addAll(list);
    copy.addAll(added);
    return List.copyOf(copy);
  }

  /** A new immutable map: {@code map} with {@code added} at the end of {@code key}'s list. */
  static <T> Map<String, List<T>> with(Map<String, List<T>> map, String key, T added) {
    Map<String, List<T>> copy = new HashMap<>(map);
    copy.merge(key, List.of(added), ListenerLists::concat);
    return Map.copyOf(copy);
  }
}
