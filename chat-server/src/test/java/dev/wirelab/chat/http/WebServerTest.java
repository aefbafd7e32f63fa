package dev.wirelab.chat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wirelab.chat.engineio.EngineIoEcho;
import dev.wirelab.chat.engineio.EngineIoOptions;
import dev.wirelab.chat.engineio.EngineIoServer;
import dev.wirelab.chat.http.RawHttp.Response;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static files, routes and Engine.IO sharing one port, and a close that leaves nothing behind. */
class WebServerTest {
  @TempDir Path root;

  private WebServer start(Path site) {
    return WebServer.builder()
        .host("127.0.0.1")
        .port(0)
        .engineIo("/engine.io/", new EngineIoServer(EngineIoOptions.defaults(), new EngineIoEcho()))
        .route(
            "GET",
            "/api/ping",
            (request, exchange) -> exchange.replyJson(HttpResponseStatus.OK, "{\"pong\":true}"))
        .route(
            "GET",
            "/api/broken",
            (request, exchange) -> {
              throw new IllegalStateException("this route always fails");
            })
        .staticResources("/files/", "static-test")
        .staticResources("/", site)
        .start();
  }

  private Path site() throws IOException {
    Path site = Files.createDirectories(root.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<h1>chat</h1>");
    Files.writeString(site.resolve("app.js"), "console.log(1)");
    Files.writeString(site.resolve(".env"), "token=hidden");
    Files.writeString(root.resolve("secret.txt"), "outside the site");
    return site;
  }

  @Test
  void servesFilesRoutesAndEngineIoOnOnePort() throws Exception {
    try (WebServer server = start(site())) {
      int port = server.port();

      Response index = RawHttp.get(port, "/");
      assertThat(index.status()).isEqualTo(200);
      assertThat(index.header("content-type")).isEqualTo("text/html; charset=UTF-8");
      assertThat(index.body()).isEqualTo("<h1>chat</h1>");
      assertThat(RawHttp.get(port, "/app.js").header("content-type"))
          .isEqualTo("text/javascript; charset=UTF-8");
      assertThat(RawHttp.get(port, "/files/hello.txt").body())
          .isEqualTo("hello from the class path\n");
      assertThat(RawHttp.get(port, "/files/docs/").body()).isEqualTo("<h1>docs</h1>\n");
      assertThat(RawHttp.get(port, "/api/ping").body()).isEqualTo("{\"pong\":true}");
      assertThat(RawHttp.get(port, "/engine.io/?EIO=4&transport=polling").body()).startsWith("0{");
    }
  }

  @Test
  void refusesMissingHiddenAndEscapingPaths() throws Exception {
    try (WebServer server = start(site())) {
      int port = server.port();
      for (String path :
          new String[] {
            "/missing.html",
            "/.env",
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/a/%2E%2E/%2E%2E/secret.txt",
            "/..%5csecret.txt",
            "/files/docs",
            "/files/../static-test/hello.txt"
          }) {
        assertThat(RawHttp.get(port, path).status()).as(path).isEqualTo(404);
      }
      assertThat(RawHttp.post(port, "/app.js", "x").status()).isEqualTo(405);
    }
  }

  @Test
  void aFailingRouteAnswers500AndTheServerGoesOn() throws Exception {
    try (WebServer server = start(site())) {
      assertThat(RawHttp.get(server.port(), "/api/broken").status()).isEqualTo(500);
      assertThat(RawHttp.get(server.port(), "/api/ping").status()).isEqualTo(200);
    }
  }

  @Test
  void garbageInsteadOfHttpGets400AndOthersAreStillServed() throws Exception {
    try (WebServer server = start(site());
        Socket garbage = new Socket("127.0.0.1", server.port())) {
      garbage.setSoTimeout(10_000);
      garbage
          .getOutputStream()
          .write("\u0001\u0002 not HTTP at all \r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

      String answer =
          new String(garbage.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(RawHttp.get(server.port(), "/").status()).isEqualTo(200);
    }
  }

  @Test
  void aBusyPortFailsTheStartAndLeavesNoThreads() throws Exception {
    try (WebServer first = start(site())) {
      WebServer.Builder second = WebServer.builder().port(first.port());

      assertThatThrownBy(second::start).hasMessageContaining("in use");
    }
  }

  @Test
  void closeReleasesThePort() throws Exception {
    WebServer server = start(site());
    int port = server.port();

    server.close();

    assertThatThrownBy(() -> RawHttp.get(port, "/")).isInstanceOf(ConnectException.class);
  }

  @Test
  void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (WebServer server =
            WebServer.builder()
                .port(0)
                .idleTimeout(Duration.ofMillis(100))
                .staticResources("/", site())
                .start();
        Socket silent = new Socket("127.0.0.1", server.port())) {
      silent.setSoTimeout(10_000);

      assertThat(silent.getInputStream().read()).isEqualTo(-1);
    }
  }
}
