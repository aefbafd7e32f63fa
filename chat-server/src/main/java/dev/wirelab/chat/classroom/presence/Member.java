package dev.wirelab.chat.classroom.presence;

import dev.wirelab.chat.classroom.moderation.NameSkeleton;
import dev.wirelab.chat.classroom.moderation.RateLimiter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connected page: who it is, which rooms it is in, whether the teacher muted it, and its two
 * budgets: one for messages a class reads, one for every event it sends at all.
 */
public final class Member {
  private final String id;
  private final String name;
  private final String skeleton;
  private final String identity;
  private final boolean teacher;
  private final RateLimiter rateLimiter;
  private final RateLimiter eventLimiter;
  private final RateLimiter patience;
  private final Set<String> rooms = ConcurrentHashMap.newKeySet();
  private volatile boolean muted;

  /**
   * @param identity what the page keeps in its storage across reloads, or null if it sent none
   * @param rateLimiter for messages and private messages
   * @param eventLimiter for every event, so that no event is free to flood with
   * @param patience how many events past the event limit are refused before the page is cut
   */
  public Member(
      String id,
      String name,
      String identity,
      boolean teacher,
      RateLimiter rateLimiter,
      RateLimiter eventLimiter,
      RateLimiter patience) {
    this.id = id;
    this.name = name;
    this.skeleton = NameSkeleton.of(name);
    this.identity = identity;
    this.teacher = teacher;
    this.rateLimiter = rateLimiter;
    this.eventLimiter = eventLimiter;
    this.patience = patience;
  }

  /** The name as compared with others' (case-folded confusable skeleton). */
  public String skeleton() {
    return skeleton;
  }

  /** The page's stored identity, or null. */
  public String identity() {
    return identity;
  }

  public RateLimiter eventLimiter() {
    return eventLimiter;
  }

  public RateLimiter patience() {
    return patience;
  }

  /** The Socket.IO socket id, which is also the name of the room that reaches only this page. */
  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public boolean teacher() {
    return teacher;
  }

  public boolean muted() {
    return muted;
  }

  public void mute(boolean muted) {
    this.muted = muted;
  }

  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  public Set<String> rooms() {
    return Set.copyOf(rooms);
  }

  boolean enter(String room) {
    return rooms.add(room);
  }

  boolean exit(String room) {
    return rooms.remove(room);
  }
}
