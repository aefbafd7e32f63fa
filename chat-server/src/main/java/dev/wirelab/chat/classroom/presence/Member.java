package dev.wirelab.chat.classroom.presence;

import dev.wirelab.chat.classroom.moderation.RateLimiter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One connected page: who it is, which rooms it is in, whether the teacher muted it. */
public final class Member {
  private final String id;
  private final String name;
  private final boolean teacher;
  private final RateLimiter rateLimiter;
  private final Set<String> rooms = ConcurrentHashMap.newKeySet();
  private volatile boolean muted;

  public Member(String id, String name, boolean teacher, RateLimiter rateLimiter) {
    this.id = id;
    this.name = name;
    this.teacher = teacher;
    this.rateLimiter = rateLimiter;
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
