package dev.wirelab.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.inspector.Inspector;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden Engine.IO / Socket.IO decoding of socketio.pcap, recorded on loopback between the official
 * socket.io 4.8 server and client (see captures/SOURCES.md for how).
 */
class SocketIoCaptureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Long, JsonNode> FRAMES = new HashMap<>();
  private static String summary;

  @BeforeAll
  static void decode() throws Exception {
    String capture = Inspector.capture("socketio.pcap").toString();
    Inspector.Result json = Inspector.run("--json", capture);
    assertThat(json.exitCode()).as(json.err()).isZero();
    for (String line : json.out().split("\n")) {
      JsonNode frame = JSON.readTree(line);
      FRAMES.put(frame.get("frame").asLong(), frame);
    }
    summary = Inspector.run(capture).out();
  }

  private static String fields(long frame, String prefix) {
    StringBuilder s = new StringBuilder();
    FRAMES
        .get(frame)
        .fields()
        .forEachRemaining(
            f -> {
              if (f.getKey().startsWith(prefix)) {
                s.append(s.length() == 0 ? "" : " ")
                    .append(f.getKey())
                    .append('=')
                    .append(f.getValue());
              }
            });
    return s.toString();
  }

  @ParameterizedTest(name = "frame {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "6|eio.type=\"open\" eio.transport=\"polling\"",
        "38|eio.type=\"ping\" eio.transport=\"websocket\"",
        "48|eio.type=\"upgrade\" eio.transport=\"websocket\"",
        "246|eio.type=\"ping\" eio.transport=\"polling\"",
        "216|eio.count=2 eio.type=\"message\" eio.transport=\"polling\""
      })
  void engineIoPackets(long frame, String expected) {
    assertThat(fields(frame, "eio.")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "frame {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "20|sio.type=\"CONNECT\" sio.nsp=\"/\"",
        "51|sio.type=\"CONNECT\" sio.nsp=\"/chat\" sio.args=\"{\\\"sid\\\":\\\"hH6iyhtNFUg3T-FOAAAB\\\"}\"",
        "52|sio.type=\"EVENT\" sio.nsp=\"/chat\" sio.event=\"message\" sio.ack_id=0 sio.args=\"[\\\"hi from upgrader\\\"]\"",
        "54|sio.type=\"ACK\" sio.nsp=\"/chat\" sio.ack_id=0 sio.args=\"[{\\\"ok\\\":true,\\\"length\\\":16}]\"",
        "56|sio.type=\"BINARY_EVENT\" sio.nsp=\"/chat\" sio.event=\"upload\" sio.ack_id=1 sio.attachments=1 sio.args=\"[\\\"photo.bin\\\",{\\\"_placeholder\\\":true,\\\"num\\\":0}]\"",
        "57|sio.type=\"BINARY_EVENT\" sio.nsp=\"/chat\" sio.event=\"upload\" sio.ack_id=1 sio.attachments=1 sio.args=\"[\\\"photo.bin\\\",\\\"<binary 5 bytes>\\\"]\"",
        "199|sio.type=\"BINARY_EVENT\" sio.nsp=\"/chat\" sio.event=\"upload\" sio.ack_id=1 sio.attachments=1 sio.args=\"[\\\"photo.bin\\\",\\\"<binary 5 bytes>\\\"]\"",
        "67|sio.type=\"EVENT\" sio.nsp=\"/chat\" sio.event=\"big-size\" sio.args=\"[70000]\"",
        "76|sio.type=\"DISCONNECT\" sio.nsp=\"/chat\""
      })
  void socketIoPackets(long frame, String expected) {
    assertThat(fields(frame, "sio.")).isEqualTo(expected);
  }

  @Test
  void aMessageSpanningSegmentsHasItsHeaderFieldsOnTheFirstAndItsMeaningOnTheLast() {
    assertThat(fields(63, "ws."))
        .isEqualTo("ws.fin=true ws.opcode=1 ws.masked=true ws.payload_len=70018");
    assertThat(fields(63, "sio.")).isEmpty();
    assertThat(fields(64, "ws.")).isEmpty();
    assertThat(fields(66, "sio."))
        .startsWith("sio.type=\"EVENT\" sio.nsp=\"/chat\" sio.event=\"big\"");
  }

  @Test
  void summaryLinesSayWhatTheApplicationDid() {
    assertThat(
            summary
                .lines()
                .filter(
                    l ->
                        l.startsWith("52 ")
                            || l.startsWith("57 ")
                            || l.startsWith("38 ")
                            || l.startsWith("86 ")
                            || l.startsWith("20 "))
                .map(l -> l.substring(l.indexOf("length"))))
        .containsExactly(
            "length 237 HTTP POST /socket.io/?EIO=4&transport=polling&t=rfq3v23y&sid=mR5_Dw-D8-q5OQJxAAAA; SIO CONNECT /",
            "length 12 EIO ping \"probe\"",
            "length 45 SIO EVENT /chat \"message\" id=0 [\"hi from upgrader\"]",
            "length 11 SIO BINARY_EVENT /chat \"upload\" id=1 [\"photo.bin\",\"<binary 5 bytes>\"]",
            "length 6 WS close (no status code)");
  }
}
