package dev.wirelab.chat.classroom.presence;

import dev.wirelab.chat.classroom.moderation.NameSkeleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is online and in which rooms, for the room list, the member list and moderation. Socket.IO
 * keeps its own rooms for delivery; this keeps the names and counts the page shows.
 */
public final class Presence {
  /** The room every page is in, which never disappears from the list. */
  public static final String LOBBY = "lobby";

  private final Map<String, Member> members = new ConcurrentHashMap<>();

  /** Members by the skeleton of their name: one name, one person. */
  private final Map<String, Member> names = new ConcurrentHashMap<>();

  /** Adds a member unless someone online has a name with the same skeleton; returns that one. */
  public Optional<Member> add(Member member) {
    Member holder = names.putIfAbsent(member.skeleton(), member);
    if (holder != null) {
      return Optional.of(holder);
    }
    members.put(member.id(), member);
    return Optional.empty();
  }

  /** Forgets a member; returns the rooms it was in, so they can be told. */
  public Set<String> remove(String id) {
    Member member = members.remove(id);
    if (member == null) {
      return Set.of();
    }
    names.remove(member.skeleton(), member);
    return member.rooms();
  }

  /** Who is online under this name or one that looks the same. */
  public Optional<Member> named(String name) {
    return Optional.ofNullable(names.get(NameSkeleton.of(name)));
  }

  public Optional<Member> find(String id) {
    return Optional.ofNullable(members.get(id));
  }

  /** Returns whether the member was not in the room yet. */
  public boolean enter(Member member, String room) {
    return member.enter(room);
  }

  public boolean exit(Member member, String room) {
    return member.exit(room);
  }

  /** The members of a room, by name. */
  public List<Member> in(String room) {
    List<Member> inRoom = new ArrayList<>();
    for (Member member : members.values()) {
      if (member.rooms().contains(room)) {
        inRoom.add(member);
      }
    }
    inRoom.sort(Comparator.comparing(Member::name).thenComparing(Member::id));
    return inRoom;
  }

  /** Every room with at least one member, and the lobby, with their member counts, by name. */
  public Map<String, Integer> roomCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    counts.put(LOBBY, 0);
    for (Member member : members.values()) {
      for (String room : member.rooms()) {
        counts.merge(room, 1, Integer::sum);
      }
    }
    return counts;
  }
}
