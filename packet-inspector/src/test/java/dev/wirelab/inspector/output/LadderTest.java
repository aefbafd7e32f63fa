package dev.wirelab.inspector.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The ladder diagram of a TCP connection, in the terminal and as an SVG picture. */
class LadderTest {
  @TempDir Path temp;

  @Test
  void theHandshakeIsThreeArrows() {
    Inspector.Result result =
        Inspector.run("--ladder", Inspector.capture("tcp_handshake.pcapng").toString());

    assertThat(result.out())
        .isEqualTo(
            """
        TCP stream 0: client 172.16.16.128:2826, server 212.58.226.142:80; times in seconds from its first segment

              time  frame  172.16.16.128:2826            212.58.226.142:80
          0.000000      1  |-- SYN seq 0 ------------------------------->|
          0.132627      2  |<--------------------- SYN/ACK seq 0 ack 1 --|
          0.132768      3  |-- ACK seq 1 ack 1 ------------------------->|
        """);
  }

  @Test
  void retransmissionsAreMarkedOnTheirArrows() {
    String ladder =
        Inspector.run("--ladder", Inspector.capture("tcp_retransmissions.pcapng").toString()).out();

    assertThat(
            ladder
                .lines()
                .filter(
                    line -> line.contains("PSH/ACK seq 1:649 ack 1 len 648 [retransmission] --")))
        .hasSize(5);
  }

  @Test
  void aChosenStreamAndOneThatIsNotThere() {
    String espn = Inspector.capture("http_espn.pcapng").toString();

    assertThat(Inspector.run("--ladder", "--stream", "3", espn).out())
        .startsWith("TCP stream 3: client 172.16.0.122:");
    assertThat(Inspector.run("--ladder", "--stream", "999", espn).out())
        .isEqualTo("no TCP stream 999 in this capture\n");
  }

  @Test
  void theSvgHasOneArrowPerSegmentAndFlaggedOnesInRed() throws Exception {
    Path svg = temp.resolve("story.svg");
    Inspector.Result result =
        Inspector.run(
            "--ladder-svg", svg.toString(), Inspector.capture("gen_tcp_story.pcap").toString());

    assertThat(result.out())
        .isEqualTo("ladder of TCP stream 0 (28 segments) written to " + svg + "\n");
    Document picture =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertThat(picture.getElementsByTagName("line").getLength()).isEqualTo(2 + 28);
    assertThat(picture.getDocumentElement().getTextContent())
        .contains(
            "PSH/ACK seq 101:201 ack 1 len 100 [fast retransmission]", "client 10.0.0.1:40010");
    assertThat(java.nio.file.Files.readString(svg).split("stroke=\"#c0392b\"", -1)).hasSize(1 + 15);
  }
}
