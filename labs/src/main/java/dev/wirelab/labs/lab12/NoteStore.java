package dev.wirelab.labs.lab12;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the server keeps the notes clients send. With dedupe it remembers every note id and stores
 * a note once however often it arrives: a retry is then harmless (idempotent).
 */
final class NoteStore {
  private final boolean dedupe;
  private final Set<String> seenIds = new HashSet<>();
  private final List<String> stored = new ArrayList<>();

  NoteStore(boolean dedupe) {
    this.dedupe = dedupe;
  }

  /** Stores the note unless it is a known id and dedupe is on; true when it was stored. */
  synchronized boolean accept(String id, String text) {
    boolean isNew = seenIds.add(id);
    if (dedupe && !isNew) {
      return false;
    }
    stored.add(id + " " + text);
    return true;
  }

  synchronized int stored() {
    return stored.size();
  }

  /** Notes stored more than once: each one a copy a reader would see twice. */
  synchronized int duplicated() {
    return stored.size() - seenIds.size();
  }
}
