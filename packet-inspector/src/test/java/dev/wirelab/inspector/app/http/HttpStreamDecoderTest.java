package dev.wirelab.inspector.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.app.AppFindings;
import dev.wirelab.inspector.app.ChunkContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpStreamDecoderTest {
  private final HttpExchanges exchanges = new HttpExchanges();
  private final List<String> bodies = new ArrayList<>();
  private final List<String> upgrades = new ArrayList<>();
  private final HttpListener listener =
      new HttpListener() {
        @Override
        public void onHead(HttpHead head, HttpHead request, AppFindings out) {
          HttpReporter.head(head, out);
        }

        @Override
        public boolean keepsBody(HttpHead head, HttpHead request) {
          return true;
        }

        @Override
        public void onBody(
            HttpHead head, HttpHead request, byte[] body, long totalLength, AppFindings out) {
          bodies.add(new String(body, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void onUpgrade(HttpHead request, HttpHead response) {
          upgrades.add(request.uri());
        }
      };
  private final HttpStreamDecoder client = new HttpStreamDecoder(exchanges, listener);
  private final HttpStreamDecoder server = new HttpStreamDecoder(exchanges, listener);

  private static AppFindings send(HttpStreamDecoder side, String text, boolean packetStart) {
    AppFindings findings = new AppFindings();
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    side.decode(bytes, 0, bytes.length, new ChunkContext(findings, packetStart, false));
    return findings;
  }

  @Test
  void keepAliveRequestsInOnePacketReportTheFirstLikeTshark() {
    AppFindings f =
        send(
            client,
            "GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc",
            true);

    assertThat(f.fields()).containsEntry("http.method", "GET").containsEntry("http.uri", "/a");
    assertThat(f.meanings()).containsExactly("HTTP GET /a", "HTTP POST /b");
    assertThat(bodies).containsExactly("abc");
  }

  @Test
  void chunkedBodyFedByteByByteIsJoined() {
    send(client, "GET / HTTP/1.1\r\n\r\n", true);
    String response =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n";
    AppFindings first = send(server, response.substring(0, 1), true);
    for (int i = 1; i < response.length(); i++) {
      send(server, response.substring(i, i + 1), true);
    }

    assertThat(first.fields()).isEmpty();
    assertThat(bodies).containsExactly("hello world");
  }

  @Test
  void aStartLineCompleteInTheFirstPacketReportsItsFieldsThereEvenIfHeadersContinue() {
    AppFindings first = send(client, "GET /slow HTTP/1.0\n", true);
    AppFindings rest = send(client, "User-Agent:\n\n", true);

    assertThat(first.fields())
        .containsEntry("http.method", "GET")
        .containsEntry("http.uri", "/slow");
    assertThat(rest.fields()).isEmpty();
    assertThat(rest.meanings()).containsExactly("HTTP GET /slow");
  }

  @Test
  void responsesToHeadAnd204HaveNoBodyEvenWithContentLength() {
    send(client, "HEAD /x HTTP/1.1\r\n\r\nGET /y HTTP/1.1\r\n\r\n", true);
    send(server, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", true);
    AppFindings second = send(server, "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n", true);

    assertThat(second.fields()).containsEntry("http.status", 204);
    assertThat(bodies).isEmpty();
  }

  @Test
  void upgradeToWebSocketHandsOverTheBytesAfterThe101() {
    send(client, "GET /chat HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", true);
    byte[] bytes =
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u0081\u0002hi"
            .getBytes(StandardCharsets.ISO_8859_1);
    AppFindings f = new AppFindings();
    int used = server.decode(bytes, 0, bytes.length, new ChunkContext(f, true, false));

    assertThat(upgrades).containsExactly("/chat");
    assertThat(used).isEqualTo(bytes.length - 4);
    assertThat(f.fields()).containsEntry("http.status", 101);
  }

  @Test
  void afterAGapTheDecoderWaitsForAPacketThatStartsAMessage() {
    send(server, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234", true);
    AppFindings lost = new AppFindings();
    byte[] tail = "89HTTP/1.1 404 Not Found\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    server.decode(tail, 0, tail.length, new ChunkContext(lost, true, true));
    AppFindings next = send(server, "HTTP/1.1 304 Not Modified\r\n\r\n", true);

    assertThat(lost.notes()).singleElement().asString().contains("whose start was not captured");
    assertThat(next.fields()).containsEntry("http.status", 304);
  }

  @Test
  void aBrokenHeaderIsMalformedAndTheNextMessageDecodes() {
    AppFindings bad = send(client, "GET / HTTP/1.1\r\nno colon here\r\n\r\n", true);
    AppFindings good = send(client, "GET /ok HTTP/1.1\r\n\r\n", true);

    assertThat(bad.malformedReasons())
        .singleElement()
        .asString()
        .startsWith("HTTP header line without a name");
    assertThat(good.fields()).containsEntry("http.uri", "/ok");
  }
}
