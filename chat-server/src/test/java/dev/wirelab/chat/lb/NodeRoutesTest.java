package dev.wirelab.chat.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRoutesTest {
  private final NodeRoutes routes =
      new NodeRoutes(
          List.of(
              NodeRoutes.Node.parse("n1-A=127.0.0.1:3001"),
              NodeRoutes.Node.parse("n2_B=::1:3002")));

  @Test
  void aSessionGoesToTheNodeOfItsTagAndNewSessionsTakeTurns() throws Exception {
    assertThat(routes.route("n2_B0123456789abcdef").toString()).isEqualTo("n2_B=::1:3002");
    assertThat(routes.route("n1-A0123456789abcdef").toString()).isEqualTo("n1-A=127.0.0.1:3001");
    List<String> turns = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      turns.add(routes.route(null).tag());
    }
    assertThat(turns).containsExactly("n1-A", "n2_B", "n1-A", "n2_B");
  }

  @Test
  void aSessionIdThatNamesNoNodeIsRefusedWithTheReason() {
    assertThatThrownBy(() -> routes.route("zzzz0123456789abcdef"))
        .isInstanceOf(NodeRoutes.UnknownNode.class)
        .hasMessage("no node has the tag zzzz (of session zzzz0123456789abcdef)");
    assertThatThrownBy(() -> routes.route("short"))
        .hasMessage("the session id short carries no node tag");
  }

  @Test
  void badNodesAreOneLineErrors() {
    assertThatThrownBy(() -> NodeRoutes.Node.parse("127.0.0.1:3001"))
        .hasMessage("a node is TAG=HOST:PORT, not \"127.0.0.1:3001\"");
    assertThatThrownBy(() -> NodeRoutes.Node.parse("toolong=127.0.0.1:3001"))
        .hasMessage("a node tag is 4 characters of A-Z a-z 0-9 _ -, not \"toolong\"");
    assertThatThrownBy(() -> NodeRoutes.Node.parse("n1n1=127.0.0.1:http"))
        .hasMessage("a node's port is a number 1-65535: \"n1n1=127.0.0.1:http\"");
    assertThatThrownBy(
            () ->
                new NodeRoutes(
                    List.of(
                        NodeRoutes.Node.parse("same=127.0.0.1:1"),
                        NodeRoutes.Node.parse("same=127.0.0.1:2"))))
        .hasMessage("two nodes have the tag same");
  }
}
