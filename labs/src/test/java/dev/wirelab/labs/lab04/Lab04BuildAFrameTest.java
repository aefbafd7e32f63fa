package dev.wirelab.labs.lab04;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.LabRun;
import dev.wirelab.labs.support.Narrator;
import dev.wirelab.testkit.RealClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.UdpPacket;

class Lab04BuildAFrameTest {
  private static final byte[] MESSAGE =
      "Hello from the application layer!".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void udpFrameSurvivesTheRoundTripThroughBytes() throws Exception {
    EthernetPacket built = FrameBuilder.udp(MESSAGE);

    EthernetPacket parsed = EthernetPacket.newPacket(built.getRawData(), 0, built.length());

    assertThat(parsed.getRawData()).isEqualTo(built.getRawData());
    assertThat(parsed.getHeader()).isEqualTo(built.getHeader());
    assertThat(parsed.get(IpV4Packet.class).getHeader().getTtlAsInt()).isEqualTo(64);
    UdpPacket udp = parsed.get(UdpPacket.class);
    assertThat(udp.getHeader().getSrcPort().valueAsInt()).isEqualTo(50_004);
    assertThat(udp.getHeader().getDstPort().valueAsInt()).isEqualTo(9004);
    assertThat(udp.getPayload().getRawData()).isEqualTo(MESSAGE);
    assertThat(parsed.get(IpV4Packet.class).getHeader().getSrcAddr())
        .isEqualTo(FrameBuilder.SOURCE_IP);
  }

  @Test
  void layerLengthsAndOverheadAreExact() {
    FrameLayers udp = FrameLayers.of(FrameBuilder.udp(MESSAGE));
    assertThat(
            List.of(
                udp.ethernet().length(),
                udp.ip().length(),
                udp.transport().length(),
                udp.applicationData().length,
                udp.padding().length))
        .containsExactly(14, 20, 8, 33, 0);
    assertThat(udp.frame()).hasSize(75);
    assertThat(udp.headerBytes()).isEqualTo(42);

    FrameLayers tcp = FrameLayers.of(FrameBuilder.tcp(MESSAGE));
    assertThat(tcp.transport().length()).isEqualTo(20);
    assertThat(tcp.frame()).hasSize(87);

    LabRun run = LabRun.of(new Lab04BuildAFrame(), "--out", dir.resolve("f.pcap").toString());
    assertThat(run.out())
        .contains("  UDP header                  8     10.7%")
        .contains("  application data           33     44.0%")
        .contains("  whole frame                75    100.0%")
        .contains("  all headers                42     56.0%")
        .contains("  all headers                54     62.1%");
  }

  @Test
  void checksumsAddUpWhenRecomputedAndABrokenByteIsCaught() {
    for (EthernetPacket frame : List.of(FrameBuilder.udp(MESSAGE), FrameBuilder.tcp(MESSAGE))) {
      IpV4Packet ip = frame.get(IpV4Packet.class);
      assertThat(InternetChecksum.ipv4HeaderIsValid(ip.getHeader().getRawData())).isTrue();
      int protocol = ip.getHeader().getProtocol().value();
      byte[] segment = ip.getPayload().getRawData();
      assertThat(
              InternetChecksum.transportIsValid(
                  FrameBuilder.SOURCE_IP, FrameBuilder.DESTINATION_IP, protocol, segment))
          .isTrue();

      segment[segment.length - 1] ^= 0x01;
      assertThat(
              InternetChecksum.transportIsValid(
                  FrameBuilder.SOURCE_IP, FrameBuilder.DESTINATION_IP, protocol, segment))
          .isFalse();
    }
  }

  @Test
  void annotatedHexNamesTheFieldsNextToTheirBytes() {
    LabRun run =
        LabRun.of(new Lab04BuildAFrame(), "demo", "--out", dir.resolve("f.pcap").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("lab 04 Build a frame: mode=demo message=\"Hello from the application layer!\"")
        .contains("    08 00                     EtherType                0x0800 = IPv4")
        .contains("    11                        protocol                 17 = UDP")
        .contains("    c0 00 02 0a               source IP                192.0.2.10")
        .contains("    23 2c                     destination port         9004")
        .contains(
            "    50 18                     data offset | flags      header 5 x 4 = 20 bytes, flags ACK+PSH")
        .contains("  4 Transport      | Transport      | UDP header, 8 bytes")
        .contains("  2 Data link      | Link           | Ethernet II header, 14 bytes")
        .contains("frame 1: IPv4 checksum 0x4e5a correct, UDP checksum 0x5d51 correct");
    assertThat(run.prose())
        .contains(
            "frame 2: 87 bytes, Ethernet 00:00:5e:00:53:01 -> 00:00:5e:00:53:02, "
                + "IPv4 192.0.2.10 -> 198.51.100.20, TCP 50004 -> 9004, data \"Hello from the application layer!\"");
  }

  @Test
  void tsharkReadsTheFileWithTheExpectedLayersAndGoodChecksums() throws Exception {
    Path pcap = dir.resolve("lab04.pcap");
    LabRun run = LabRun.of(new Lab04BuildAFrame(), "--out", pcap.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    assertThat(
            tshark(
                pcap,
                "frame.protocols",
                "frame.len",
                "ip.checksum.status",
                "udp.checksum.status",
                "tcp.checksum.status",
                "tcp.flags",
                "data.data"))
        .containsExactly(
            "eth:ethertype:ip:udp:data\t75\t1\t1\t\t\t" + hex(MESSAGE),
            "eth:ethertype:ip:tcp:data\t87\t1\t\t1\t0x0018\t" + hex(MESSAGE));
  }

  @Test
  void aShortMessageGetsEthernetPaddingThatTsharkSeesToo() throws Exception {
    Path pcap = dir.resolve("short.pcap");
    LabRun run = LabRun.of(new Lab04BuildAFrame(), "--message", "hi", "--out", pcap.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Ethernet padding, 16 bytes of zeros")
        .contains("  Ethernet padding           16     26.7%")
        .contains("  whole frame                60    100.0%");
    assertThat(tshark(pcap, "frame.len", "udp.length", "eth.padding", "ip.checksum.status"))
        .containsExactly("60\t10\t" + "00".repeat(16) + "\t1", "60\t\t00000000\t1");
  }

  @Test
  void clientSendsTheMessageAsOneRealDatagram() throws Exception {
    try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      receiver.setSoTimeout(5_000);
      LabRun run =
          LabRun.of(
              new Lab04BuildAFrame(),
              "client",
              "--port",
              String.valueOf(receiver.getLocalPort()),
              "--message",
              "over a real socket");

      assertThat(run.exitCode()).as(run.err()).isZero();
      DatagramPacket datagram = new DatagramPacket(new byte[100], 100);
      receiver.receive(datagram);
      assertThat(new String(datagram.getData(), 0, datagram.getLength(), StandardCharsets.UTF_8))
          .isEqualTo("over a real socket");
      assertThat(run.out())
          .startsWith(
              "lab 04 Build a frame: mode=client host=127.0.0.1 port=" + receiver.getLocalPort())
          .contains(
              "[client] sent 18 bytes 127.0.0.1:"
                  + datagram.getPort()
                  + " -> 127.0.0.1:"
                  + receiver.getLocalPort());
    }
  }

  @Test
  void serverSideReceivesOnlyTheDataAndTheSendersAddress() throws Exception {
    StringWriter log = new StringWriter();
    try (UdpReceiver receiver =
            UdpReceiver.bind("127.0.0.1", 0, new Narrator(new PrintWriter(log, true), "server"));
        DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      sender.send(
          new DatagramPacket(
              MESSAGE, MESSAGE.length, InetAddress.getLoopbackAddress(), receiver.port()));

      assertThat(receiver.receiveOne()).isEqualTo(MESSAGE);
      assertThat(log.toString())
          .contains(
              "[server] 33 bytes from 127.0.0.1:"
                  + sender.getLocalPort()
                  + ": \"Hello from the application layer!\"");
    }
  }

  @Test
  void aBusyServerPortIsOneLine() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      LabRun run =
          LabRun.of(
              new Lab04BuildAFrame(), "server", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(run.assertOneLineError()).startsWith("error: cannot listen there");
    }
  }

  @Test
  void aMalformedPortIsOneLine() {
    LabRun run = LabRun.of(new Lab04BuildAFrame(), "client", "--port", "70000");
    assertThat(run.assertOneLineError()).contains("70000 is outside the port range 0-65535");
  }

  private static List<String> tshark(Path pcap, String... fields)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "tshark",
                "-r",
                pcap.toString(),
                "-o",
                "ip.check_checksum:TRUE",
                "-o",
                "udp.check_checksum:TRUE",
                "-o",
                "tcp.check_checksum:TRUE",
                "-T",
                "fields"));
    for (String field : fields) {
      command.add("-e");
      command.add(field);
    }
    Process tshark =
        RealClock.forChild(
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD))
            .start();
    String output = new String(tshark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tshark.waitFor(30, TimeUnit.SECONDS)).as("tshark finished").isTrue();
    assertThat(tshark.exitValue()).as("tshark exit code").isZero();
    return output.lines().toList();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
