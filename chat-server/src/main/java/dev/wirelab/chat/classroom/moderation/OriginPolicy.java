package dev.wirelab.chat.classroom.moderation;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Same-origin by default: a browser may connect only from a page this server served (its Origin
 * names the Host it asked), or from an origin on the allow-list. Programs that send no Origin
 * header (the Node and Java clients, curl) are not browsers and are let through.
 */
public final class OriginPolicy {
  private final Set<String> allowed;

  /** @param allowed extra origins such as {@code http://localhost:5173}, or {@code *} for any */
  public OriginPolicy(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  /** @param headers request headers with lower-case names */
  public boolean permits(Map<String, String> headers) {
    String origin = headers.get("origin");
    if (origin == null || allowed.contains("*") || allowed.contains(origin)) {
      return true;
    }
    String host = headers.get("host");
    try {
      return host != null && host.equalsIgnoreCase(URI.create(origin).getAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
