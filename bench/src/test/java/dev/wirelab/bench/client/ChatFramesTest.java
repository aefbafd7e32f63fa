package dev.wirelab.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatFramesTest {
  private static long read(String frame) {
    ByteBuf buf = Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8);
    try {
      return ChatFrames.scheduledNanos(buf);
    } finally {
      buf.release();
    }
  }

  @Test
  void readsTheScheduledTimeOfWhatItSends() {
    assertThat(read(ChatFrames.chat(1_234_567_890L, 3))).isEqualTo(1_234_567_890L);
  }

  @Test
  void readsItWhereverTheServerPutTheField() {
    assertThat(read("42[\"chat\",{\"m\":\"hi\",\"s\":1,\"t\":42}]")).isEqualTo(42);
  }

  @Test
  void otherFramesAreNotChatDeliveries() {
    assertThat(read("430[\"joined\"]")).isEqualTo(-1);
    assertThat(read("42[\"other\",{\"t\":5}]")).isEqualTo(-1);
    assertThat(read("42[\"chat\",{\"t\":\"x\"}]")).isEqualTo(-1);
    assertThat(read("2")).isEqualTo(-1);
  }

  @Test
  void joinQuotesTheRoomName() {
    assertThat(ChatFrames.join("bench")).isEqualTo("420[\"join\",\"bench\"]");
  }
}
