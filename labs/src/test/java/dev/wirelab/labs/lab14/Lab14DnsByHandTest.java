package dev.wirelab.labs.lab14;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wirelab.labs.support.LabRun;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Lab14DnsByHandTest {

  @Test
  void demoBuildsParsesFollowsRetriesOverTcpAndRefusesMalformedAnswers() {
    LabRun run = LabRun.of(new Lab14DnsByHand(), "demo", "--port", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("lab 14 DNS by hand: mode=demo host=127.0.0.1 port=0 zone=wirelab.test")
        .contains("[query] qname   03 77 77 77              3 \"www\"")
        .contains("[parse] offset 34: pointer 0xc00c -> offset 12")
        .contains("following the CNAME to web.wirelab.test")
        .contains("web.wirelab.test 300 A 127.0.0.80")
        .contains("wirelab.test 300 MX 10 mail.wirelab.test")
        .contains("rcode 3 = NXDOMAIN")
        .contains("TC set: asking again over TCP")
        .contains("<- over TCP: NOERROR, answers=12")
        .contains("not before this name: a loop")
        .doesNotContain("ACCEPTED");
    assertThat(run.out().lines().filter(line -> line.endsWith("refused:"))).hasSize(5);
    assertThat(run.out().lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
  }

  @Test
  void clientModeResolvesAgainstTheServerMode() throws Exception {
    List<String> served = new ArrayList<>();
    try (NameServer server =
        NameServer.start(
            "127.0.0.1",
            0,
            Zone.wirelabTest(),
            line -> {
              synchronized (served) {
                served.add(line);
              }
            })) {
      LabRun run =
          LabRun.of(
              new Lab14DnsByHand(),
              "client",
              "--port",
              String.valueOf(server.port()),
              "--name",
              "big.wirelab.test",
              "--type",
              "TXT");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("line 12 of a TXT record").contains("over TCP");
    }
    synchronized (served) {
      assertThat(served).anyMatch(line -> line.contains("over TCP: 12 records"));
    }
  }

  @Test
  void anAnswerWrittenWithCompressionParsesBackToTheZonesRecords() throws Exception {
    Zone zone = Zone.wirelabTest();
    byte[] query = QueryBuilder.query(7, "big.wirelab.test", RecordType.TXT);
    DnsMessage question = AnswerParser.parse(query);
    byte[] answer =
        AnswerWriter.answer(
            question, 0x0100, 0, zone.lookup("big.wirelab.test", RecordType.TXT), false);
    assertThat(AnswerParser.parse(answer).answers())
        .containsExactlyElementsOf(zone.lookup("big.wirelab.test", RecordType.TXT));
    // Every owner name after the first is the 2-byte pointer to the question's name.
    assertThat(answer.length).isLessThan(12 * 60 + 34 + 12 * 12);
  }

  @Test
  void randomBytesAndEveryCutOfARealAnswerGiveOnlyOurOwnError() throws Exception {
    byte[] query = QueryBuilder.query(7, "www.wirelab.test", RecordType.A);
    byte[] real =
        AnswerWriter.answer(
            AnswerParser.parse(query),
            0,
            0,
            Zone.wirelabTest().lookup("www.wirelab.test", RecordType.A),
            true);
    for (int cut = 0; cut < real.length; cut++) {
      byte[] shorter = java.util.Arrays.copyOf(real, cut);
      assertThatThrownBy(() -> AnswerParser.parse(shorter)).isInstanceOf(MalformedMessage.class);
    }
    Random random = new Random(14);
    for (int i = 0; i < 20_000; i++) {
      byte[] noise = real.clone();
      noise[12 + random.nextInt(noise.length - 12)] = (byte) random.nextInt(256);
      noise[12 + random.nextInt(noise.length - 12)] = (byte) random.nextInt(256);
      try {
        AnswerParser.parse(noise);
      } catch (MalformedMessage expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Test
  void aClientWithNoServerIsOneLine() throws Exception {
    int nobody;
    try (java.net.DatagramSocket socket =
        new java.net.DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      nobody = socket.getLocalPort();
    }
    LabRun run =
        LabRun.of(
            new Lab14DnsByHand(),
            "client",
            "--port",
            String.valueOf(nobody),
            "--timeout-ms",
            "100");
    assertThat(run.assertOneLineError()).contains("is the server running");
  }
}
