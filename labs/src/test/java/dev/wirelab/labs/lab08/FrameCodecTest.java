package dev.wirelab.labs.lab08;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameCodecTest {
  private static final byte[] RFC_MASK = hex("37fa213d");

  // RFC 6455, section 5.7: the spec's own example frames, byte for byte.

  @Test
  void unmaskedTextHello() throws IOException {
    assertEncodesAndDecodes(Frame.text("Hello"), "810548656c6c6f");
  }

  @Test
  void maskedTextHello() throws IOException {
    assertEncodesAndDecodes(Frame.text("Hello").maskedWith(RFC_MASK), "818537fa213d7f9f4d5158");
  }

  @Test
  void fragmentedUnmaskedText() throws IOException {
    assertEncodesAndDecodes(Frame.firstFragment(Opcode.TEXT, "Hel"), "010348656c");
    assertEncodesAndDecodes(Frame.continuation(true, "lo"), "80026c6f");
  }

  @Test
  void unmaskedPingAndMaskedPong() throws IOException {
    assertEncodesAndDecodes(Frame.ping("Hello"), "890548656c6c6f");
    assertEncodesAndDecodes(
        Frame.pong("Hello".getBytes()).maskedWith(RFC_MASK), "8a8537fa213d7f9f4d5158");
  }

  @Test
  void binaryOf256BytesUsesTheSixteenBitLength() throws IOException {
    byte[] wire = FrameCodec.encode(Frame.binary(new byte[256]));
    assertThat(Arrays.copyOf(wire, 4)).isEqualTo(hex("827e0100"));
    assertThat(wire).hasSize(4 + 256);
    assertThat(decode(wire)).isEqualTo(Frame.binary(new byte[256]));
  }

  @Test
  void binaryOf64KibUsesTheSixtyFourBitLength() throws IOException {
    byte[] wire = FrameCodec.encode(Frame.binary(new byte[65536]));
    assertThat(Arrays.copyOf(wire, 10)).isEqualTo(hex("827f0000000000010000"));
    assertThat(wire).hasSize(10 + 65536);
    assertThat(decode(wire)).isEqualTo(Frame.binary(new byte[65536]));
  }

  @Test
  void closeCarriesStatusCodeThenReason() throws IOException {
    Frame close = Frame.close(1000, "bye");
    assertEncodesAndDecodes(close, "880503e8627965");
    assertThat(decode(FrameCodec.encode(close)).closeCode()).isEqualTo(1000);
    assertThat(new Frame(true, Opcode.CLOSE, null, new byte[0]).closeCode()).isEqualTo(1005);
  }

  @ParameterizedTest
  @EnumSource(Opcode.class)
  void everyOpcodeRoundTripsMaskedAndUnmasked(Opcode opcode) throws IOException {
    Frame frame = new Frame(true, opcode, null, "payload".getBytes());
    assertThat(decode(FrameCodec.encode(frame))).isEqualTo(frame);
    Frame masked = frame.maskedWith(hex("01020304"));
    assertThat(decode(FrameCodec.encode(masked))).isEqualTo(masked);
    assertThat(FrameCodec.encode(frame)[0] & 0x0F).isEqualTo(opcode.code());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 70000})
  void everyLengthFormRoundTripsAtItsBoundaries(int length) throws IOException {
    byte[] payload = new byte[length];
    for (int i = 0; i < length; i++) {
      payload[i] = (byte) i;
    }
    Frame masked = Frame.binary(payload).maskedWith(hex("a1b2c3d4"));
    byte[] wire = FrameCodec.encode(masked);
    int headerLength = length <= 125 ? 2 : length <= 65535 ? 4 : 10;
    assertThat(wire).hasSize(headerLength + 4 + length);
    assertThat(wire[1] & 0x7F).isEqualTo(length <= 125 ? length : length <= 65535 ? 126 : 127);
    assertThat(wire[1] & 0x80).as("MASK bit").isEqualTo(0x80);
    assertThat(decode(wire)).isEqualTo(masked);
  }

  @Test
  void maskingXorsEveryByteWithTheKeyInTurn() {
    byte[] masked = FrameCodec.mask(new byte[] {0, 0, 0, 0, 0, 0}, hex("a1b2c3d4"));
    assertThat(masked).isEqualTo(hex("a1b2c3d4a1b2"));
    assertThat(FrameCodec.mask(masked, hex("a1b2c3d4"))).isEqualTo(new byte[6]);
  }

  @Test
  void brokenFramesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> decode(hex("c100")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("RSV");
    assertThatThrownBy(() -> decode(hex("8300")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("0x3");
    assertThatThrownBy(() -> decode(hex("097e0100" + "00".repeat(256))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("control frame");
    assertThatThrownBy(() -> decode(hex("827f7fffffffffffffff")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("more than");
    assertThatThrownBy(() -> decode(hex("8105486565"))).isInstanceOf(EOFException.class);
  }

  @Test
  void controlFramesCannotBeBuiltFragmentedOrLong() {
    assertThatThrownBy(() -> new Frame(false, Opcode.PING, null, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Frame(true, Opcode.CLOSE, null, new byte[126]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dumpNamesEveryField() {
    assertThat(FrameDump.annotate(hex("818537fa213d7f9f4d5158")))
        .containsExactly(
            "81 85 37 fa 21 3d 7f 9f 4d 51 58  (11 bytes on the wire)",
            "  81                       FIN=1 RSV=000 opcode=0x1 TEXT",
            "  85                       MASK=1 length=5 (7-bit form)",
            "  37 fa 21 3d              masking key (chosen at random by the client, per frame)",
            "  7f 9f 4d 51 58           payload, masked; unmasked: \"Hello\"");
    assertThat(FrameDump.annotate(FrameCodec.encode(Frame.binary(new byte[300]))))
        .contains("  01 2c                    length=300 (16-bit form)");
  }

  private static void assertEncodesAndDecodes(Frame frame, String wireHex) throws IOException {
    assertThat(HexFormat.of().formatHex(FrameCodec.encode(frame))).isEqualTo(wireHex);
    assertThat(decode(hex(wireHex))).isEqualTo(frame);
  }

  private static Frame decode(byte[] wire) throws IOException {
    return FrameCodec.read(new ByteArrayInputStream(wire));
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
