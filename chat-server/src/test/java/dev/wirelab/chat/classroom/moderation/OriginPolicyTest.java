package dev.wirelab.chat.classroom.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
  private final OriginPolicy sameOrigin = new OriginPolicy(Set.of());

  @Test
  void aPageFromThisServerMayConnect() {
    assertThat(sameOrigin.permits(Map.of("origin", "http://192.168.1.20:3000", "host", "192.168.1.20:3000"))).isTrue();
  }

  @Test
  void aPageFromAnotherSiteMayNot() {
    assertThat(sameOrigin.permits(Map.of("origin", "http://evil.example", "host", "192.168.1.20:3000"))).isFalse();
    assertThat(sameOrigin.permits(Map.of("origin", "null", "host", "localhost:3000"))).isFalse();
  }

  @Test
  void programsWithoutAnOriginMayConnect() {
    assertThat(sameOrigin.permits(Map.of("host", "localhost:3000"))).isTrue();
  }

  @Test
  void theAllowListAddsOrigins() {
    OriginPolicy policy = new OriginPolicy(Set.of("http://localhost:5173"));
    assertThat(policy.permits(Map.of("origin", "http://localhost:5173", "host", "localhost:3000"))).isTrue();
    assertThat(new OriginPolicy(Set.of("*")).permits(Map.of("origin", "http://x", "host", "y"))).isTrue();
  }
}
