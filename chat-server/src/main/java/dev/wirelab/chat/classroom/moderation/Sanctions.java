package dev.wirelab.chat.classroom.moderation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the teacher muted or kicked, for as long as the chat runs: by the name's skeleton and by the
 * identity the page keeps in its storage, so neither a reconnect nor a new name lifts it. Only the
 * teacher lifts it, by the name it was given under.
 */
public final class Sanctions {
  /** What the teacher did to someone. */
  public enum Kind {
    MUTED,
    KICKED
  }

  /** One sanction: the name it was given under (as shown) and the page identity, if known. */
  private record Entry(String name, String identity) {}

  private final Map<Kind, Map<String, Entry>> bySkeleton =
      Map.of(Kind.MUTED, new ConcurrentHashMap<>(), Kind.KICKED, new ConcurrentHashMap<>());

  /** Records a sanction; {@code identity} may be null for a page that sent none. */
  public void impose(Kind kind, String name, String identity) {
    bySkeleton.get(kind).put(NameSkeleton.of(name), new Entry(name, identity));
  }

  /**
   * Lifts the sanction given under {@code name} (any spelling with the same skeleton) or to the
   * page with {@code identity} (may be null); returns whether there was one.
   */
  public boolean lift(Kind kind, String name, String identity) {
    Map<String, Entry> entries = bySkeleton.get(kind);
    boolean byName = entries.remove(NameSkeleton.of(name)) != null;
    boolean byIdentity =
        identity != null && entries.values().removeIf(entry -> identity.equals(entry.identity()));
    return byName || byIdentity;
  }

  /** Whether a page with this name or this identity is under the sanction. */
  public boolean applies(Kind kind, String name, String identity) {
    Map<String, Entry> entries = bySkeleton.get(kind);
    if (entries.containsKey(NameSkeleton.of(name))) {
      return true;
    }
    return identity != null
        && entries.values().stream().anyMatch(entry -> identity.equals(entry.identity()));
  }

  /** The names under the sanction, sorted, for the teacher's list. */
  public List<String> names(Kind kind) {
    Set<String> names = new TreeSet<>();
    bySkeleton.get(kind).values().forEach(entry -> names.add(entry.name()));
    return List.copyOf(names);
  }
}
