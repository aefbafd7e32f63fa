package dev.wirelab.chat.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page from another site may not open a chat session unless --allow-origin lists it. */
class ChatOriginTest {
  @TempDir Path dir;

  @Test
  void anotherSiteIsRefusedByDefault() throws Exception {
    try (ClassroomChat chat = start(Set.of())) {
      assertThat(handshakeStatus(chat.port(), "http://evil.example"))
          .isEqualTo("HTTP/1.1 403 Forbidden");
      assertThat(handshakeStatus(chat.port(), "http://127.0.0.1:" + chat.port()))
          .isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @Test
  void theAllowListLetsAnOriginIn() throws Exception {
    try (ClassroomChat chat = start(Set.of("http://evil.example"))) {
      assertThat(handshakeStatus(chat.port(), "http://evil.example")).isEqualTo("HTTP/1.1 200 OK");
    }
  }

  private ClassroomChat start(Set<String> allowedOrigins) {
    return ClassroomChat.start(
        new ChatSettings(
            "127.0.0.1", 0, dir.resolve("chat.db"), Long.MAX_VALUE, "token", allowedOrigins));
  }

  /**
   * The status line of an Engine.IO polling handshake sent with this Origin, as a browser would.
   */
  private static String handshakeStatus(int port, String origin) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      String request =
          "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\n"
              + "Host: 127.0.0.1:"
              + port
              + "\r\nOrigin: "
              + origin
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }
}
