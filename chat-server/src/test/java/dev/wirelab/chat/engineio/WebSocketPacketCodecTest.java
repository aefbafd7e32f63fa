package dev.wirelab.chat.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Packets to WebSocket frames and back, on Netty's EmbeddedChannel, with every buffer released. */
class WebSocketPacketCodecTest {
  private final EmbeddedChannel channel =
      new EmbeddedChannel(new WebSocketPacketCodec(EngineIoOptions.defaults().maxPayload()));

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  @Test
  void textPacketBecomesOneTextFrame() {
    channel.writeOutbound(Packet.message("héllo"));

    TextWebSocketFrame frame = channel.readOutbound();
    try {
      assertThat(frame.text()).isEqualTo("4héllo");
    } finally {
      frame.release();
    }
  }

  @Test
  void binaryPacketBecomesRawBinaryFrame() {
    channel.writeOutbound(Packet.binary(new byte[] {1, 2, 3}));

    BinaryWebSocketFrame frame = channel.readOutbound();
    try {
      assertThat(frame.content().nioBuffer())
          .isEqualTo(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
    } finally {
      frame.release();
    }
  }

  @Test
  void framesBecomePackets() {
    channel.writeInbound(new TextWebSocketFrame("2probe"));
    channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {9, 8})));

    Packet ping = channel.readInbound();
    Packet binary = channel.readInbound();
    assertThat(ping.type()).isEqualTo(PacketType.PING);
    assertThat(ping.text()).isEqualTo("probe");
    assertThat(binary.binary()).containsExactly(9, 8);
  }

  @Test
  void controlFramesPassThrough() {
    channel.writeInbound(
        new PingWebSocketFrame(Unpooled.copiedBuffer("hi", StandardCharsets.UTF_8)));

    PingWebSocketFrame ping = channel.readInbound();
    try {
      assertThat(ping.content().toString(StandardCharsets.UTF_8)).isEqualTo("hi");
    } finally {
      ping.release();
    }
  }

  @Test
  void malformedTextFrameIsAParseError() {
    assertThatThrownBy(() -> channel.writeInbound(new TextWebSocketFrame("x")))
        .isInstanceOf(DecoderException.class)
        .hasCauseInstanceOf(PacketParseException.class)
        .hasRootCauseMessage("unknown packet type 'x'");
  }
}
