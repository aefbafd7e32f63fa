package dev.wirelab.labs.lab07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebSocketHandshakeTest {

  @Test
  void acceptKeyOfTheRfcExample() {
    // RFC 6455, section 1.3: the key from the sample handshake and the accept value it must
    // produce.
    assertThat(WebSocketHandshake.acceptFor("dGhlIHNhbXBsZSBub25jZQ=="))
        .isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  @Test
  void newKeysAreSixteenRandomBytesInBase64() {
    String key = WebSocketHandshake.newKey();
    assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(16);
    assertThat(WebSocketHandshake.newKey()).isNotEqualTo(key);
  }

  @Test
  void theClientsRequestIsAnUpgradeAndTheResponseCarriesTheAccept() throws IOException {
    HttpHead request =
        head(WebSocketHandshake.request("127.0.0.1", 9007, "/ws", "dGhlIHNhbXBsZSBub25jZQ=="));
    assertThat(WebSocketHandshake.isUpgrade(request)).isTrue();

    HttpHead response = head(WebSocketHandshake.response(request));
    assertThat(response.startLine()).isEqualTo("HTTP/1.1 101 Switching Protocols");
    assertThat(response.header("sec-websocket-accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  @Test
  void aRequestMissingAnyUpgradeHeaderIsPlainHttp() throws IOException {
    String full = WebSocketHandshake.request("h", 1, "/ws", "dGhlIHNhbXBsZSBub25jZQ==");
    for (String header :
        new String[] {
          "Upgrade: websocket\r\n",
          "Connection: Upgrade\r\n",
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n",
          "Sec-WebSocket-Version: 13\r\n"
        }) {
      assertThat(WebSocketHandshake.isUpgrade(head(full.replace(header, ""))))
          .as("without %s", header)
          .isFalse();
    }
  }

  @Test
  void connectionHeaderMayListSeveralTokens() throws IOException {
    HttpHead request =
        head(
            WebSocketHandshake.request("h", 1, "/ws", "k")
                .replace("Connection: Upgrade", "Connection: keep-alive, Upgrade"));
    assertThat(WebSocketHandshake.isUpgrade(request)).isTrue();
  }

  @Test
  void aHeadEndsAtTheEmptyLineAndLeavesTheRestUnread() throws IOException {
    ByteArrayInputStream in =
        bytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u0081\u0000");
    HttpHead head = HttpHead.read(in).orElseThrow();
    assertThat(head.target()).isEqualTo("101");
    assertThat(head.header("UPGRADE")).isEqualTo("websocket");
    assertThat(in.read()).isEqualTo(0x81);
  }

  @Test
  void cleanEndBeforeAHeadIsEmptyButAHalfHeadIsAnError() throws IOException {
    assertThat(HttpHead.read(bytes(""))).isEmpty();
    assertThatThrownBy(() -> HttpHead.read(bytes("GET / HTTP/1.1\r\nHost")))
        .isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> HttpHead.read(bytes("GET / HTTP/1.1\r\nno colon here\r\n\r\n")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("no colon here");
    assertThatThrownBy(() -> HttpHead.read(bytes("GET /" + "a".repeat(HttpHead.MAX_HEAD_BYTES))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("longer than");
  }

  private static HttpHead head(String text) throws IOException {
    return HttpHead.read(bytes(text)).orElseThrow();
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
