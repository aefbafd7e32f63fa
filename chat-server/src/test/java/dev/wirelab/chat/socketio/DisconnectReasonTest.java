package dev.wirelab.chat.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.chat.engineio.CloseReason;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DisconnectReasonTest {
  @Test
  void everyEngineCloseReasonReachesListenersUnderItsOwnWireName() {
    for (CloseReason engine : CloseReason.values()) {
      assertThat(DisconnectReason.of(engine).wireName()).isEqualTo(engine.wireName());
    }
  }

  @Test
  void onlyReasonsAfterWhichTheClientMayComeBackAreRecoverable() {
    assertThat(
            Arrays.stream(DisconnectReason.values())
                .filter(DisconnectReason::isRecoverable)
                .toList())
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.of(
                DisconnectReason.TRANSPORT_CLOSE,
                DisconnectReason.TRANSPORT_ERROR,
                DisconnectReason.PING_TIMEOUT,
                DisconnectReason.FORCED_CLOSE,
                DisconnectReason.FORCED_SERVER_CLOSE,
                DisconnectReason.SERVER_SHUTTING_DOWN));
  }

  @Test
  void aReasonPrintsAsTheReferenceServerNamesIt() {
    assertThat(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT)
        .hasToString("client namespace disconnect");
  }
}
