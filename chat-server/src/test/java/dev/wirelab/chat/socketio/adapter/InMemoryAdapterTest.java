package dev.wirelab.chat.socketio.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.chat.socketio.protocol.EncodedPacket;
import dev.wirelab.chat.socketio.protocol.Packet;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Rooms as the adapter keeps them: small rooms (a socket's own room) and big ones (a class of
 * hundreds) use different sets, so joins and leaves across that boundary must keep every member.
 */
class InMemoryAdapterTest {
  private final InMemoryAdapter adapter =
      new InMemoryAdapter(
          new LocalNamespace() {
            @Override
            public void deliver(Collection<String> ids, EncodedPacket packet, boolean isVolatile) {
              throw new AssertionError("nothing is broadcast here");
            }

            @Override
            public List<SocketDetails> describe(Collection<String> socketIds) {
              throw new AssertionError("no socket is described here");
            }

            @Override
            public void disconnect(Collection<String> socketIds, boolean close) {
              throw new AssertionError("no socket is disconnected here");
            }

            @Override
            public int deliverWithAck(
                Collection<String> socketIds,
                Packet packet,
                Duration timeout,
                Consumer<JsonNode> onAck) {
              throw new AssertionError("nothing is broadcast here");
            }

            @Override
            public void onServerSideEmit(List<JsonNode> eventAndArgs, Consumer<JsonNode> ack) {
              throw new AssertionError("no server-side event here");
            }
          });

  @Test
  void aSocketListsItsRoomsAndLeavesThemOneByOne() {
    adapter.join("a", List.of("a", "class", "lab"));

    assertThat(adapter.rooms("a")).containsExactlyInAnyOrder("a", "class", "lab");
    adapter.leave("a", "lab");
    assertThat(adapter.rooms("a")).containsExactlyInAnyOrder("a", "class");
    assertThat(members("lab")).isEmpty();
    adapter.leaveAll("a");
    assertThat(adapter.rooms("a")).isEmpty();
    assertThat(members("class")).isEmpty();
  }

  @Test
  void aRoomKeepsEveryMemberAsItGrowsAndShrinksAcrossTheSmallRoomSize() {
    List<String> ids = IntStream.range(0, 50).mapToObj(i -> "s" + i).toList();
    ids.forEach(id -> adapter.join(id, List.of(id, "class")));

    assertThat(members("class")).containsExactlyInAnyOrderElementsOf(ids);
    ids.subList(0, 48).forEach(adapter::leaveAll);
    assertThat(members("class")).containsExactlyInAnyOrder("s48", "s49");
    adapter.join("s0", List.of("class"));
    assertThat(members("class")).containsExactlyInAnyOrder("s0", "s48", "s49");
    assertThat(members("s49")).containsExactly("s49");
  }

  @Test
  void joiningTwiceAndLeavingARoomOneIsNotInChangeNothing() {
    adapter.join("a", List.of("class"));
    adapter.join("a", List.of("class"));
    adapter.leave("a", "lab");

    assertThat(adapter.rooms("a")).containsExactly("class");
    assertThat(members("class")).containsExactly("a");
  }

  @Test
  void exceptRemovesTheMembersOfOtherRooms() {
    List.of("a", "b", "c", "d", "e", "f").forEach(id -> adapter.join(id, List.of(id, "class")));
    adapter.join("b", List.of("muted"));

    assertThat(
            adapter.socketIds(new BroadcastOptions(Set.of("class"), Set.of("muted", "c"), false)))
        .containsExactlyInAnyOrder("a", "d", "e", "f");
    assertThat(adapter.socketIds(BroadcastOptions.everyone())).hasSize(6);
  }

  private Set<String> members(String room) {
    return adapter.socketIds(new BroadcastOptions(Set.of(room), Set.of(), false));
  }
}
