package dev.wirelab.chat.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.chat.http.RawHttp;
import dev.wirelab.chat.http.RawHttp.Response;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;

/**
 * Gives every test a fresh {@link EchoServer} with default options, closed after it; a test may
 * restart it with others.
 */
abstract class AbstractEchoServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String POLLING = "/engine.io/?EIO=4&transport=polling";

  EchoServer server = new EchoServer(EngineIoOptions.defaults());

  @AfterEach
  void stopServer() {
    server.close();
  }

  void restart(EngineIoOptions options) {
    server.close();
    server = new EchoServer(options);
  }

  /** Opens a long-polling session with a plain GET and returns its id. */
  String openPollingSession() throws IOException {
    Response response = RawHttp.get(server.port(), POLLING);
    assertThat(response.status()).isEqualTo(200);
    return JSON.readTree(response.body().substring(1)).get("sid").asText();
  }
}
