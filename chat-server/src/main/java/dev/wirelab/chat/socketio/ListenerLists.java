package dev.wirelab.chat.socketio;

import java.util.ArrayList;
import java.util.List;

/**
 * Copy-on-write for a socket's listener lists, which are written a few times at connect and
 * mostly empty: an immutable list in a volatile field is its own snapshot for readers on any
 * thread, and every empty list is the same shared {@code List.of()}, so an idle socket pays
 * nothing for the kinds of listener it never registers.
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
}
