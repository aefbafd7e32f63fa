package dev.wirelab.inspector.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import dev.wirelab.inspector.decode.FrameDecoder;
import dev.wirelab.inspector.model.DecodedFrame;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Real libpcap on the loopback interface (the tests run as root): real TCP and UDP traffic is
 * captured and decoded.
 */
class LiveCaptureTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final long CAPTURE_MILLIS = 10_000;

  @Test
  void capturesAndDecodesTcpAndUdpOnLoopback() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
        DatagramSocket udp = new DatagramSocket(0, LOOPBACK)) {
      String filter = "tcp port " + server.getLocalPort() + " or udp port " + udp.getLocalPort();
      List<DecodedFrame> frames = new ArrayList<>();
      try (LiveCapture capture = LiveCapture.open("lo", filter, 65_535, CAPTURE_MILLIS)) {
        try (Socket client = new Socket(LOOPBACK, server.getLocalPort());
            Socket accepted = server.accept()) {
          client.getOutputStream().write("hello wirelab".getBytes(StandardCharsets.US_ASCII));
          assertThat(accepted.getInputStream().readNBytes(13))
              .asString(StandardCharsets.US_ASCII)
              .isEqualTo("hello wirelab");
        }
        udp.send(
            new DatagramPacket(new byte[] {'p', 'i', 'n', 'g'}, 4, LOOPBACK, udp.getLocalPort()));
        FrameDecoder decoder = new FrameDecoder(List.of());
        for (CapturedFrame raw = capture.next();
            raw != null && !sawUdp(frames);
            raw = capture.next()) {
          frames.add(
              decoder.decode(
                  frames.size() + 1,
                  raw.seconds(),
                  raw.nanos(),
                  raw.len(),
                  raw.linkType(),
                  raw.data()));
        }
      }

      DecodedFrame syn = frames.get(0);
      assertThat(syn.json())
          .containsEntry("link.name", "ETHERNET")
          .containsEntry("ip.src", "127.0.0.1")
          .containsEntry("tcp.dstport", server.getLocalPort())
          .containsEntry("tcp.flags", "S");
      assertThat(frames)
          .anySatisfy(
              frame -> {
                assertThat(frame.json())
                    .containsEntry("tcp.len", 13)
                    .containsEntry("tcp.flags", "AP");
                int payload = frame.tcpSegment().payloadOffset();
                assertThat(new String(frame.data(), payload, 13, StandardCharsets.US_ASCII))
                    .isEqualTo("hello wirelab");
              });
      assertThat(frames)
          .filteredOn(frame -> frame.json().containsKey("udp.dstport"))
          .singleElement()
          .satisfies(
              frame ->
                  assertThat(frame.json())
                      .containsEntry("udp.length", 12)
                      .containsEntry("udp.dstport", udp.getLocalPort()));
      assertThat(frames).noneMatch(DecodedFrame::isMalformed);
    }
  }

  @Test
  void inspectLiveWithCountPrintsTheFilteredFramesAsJson() throws Exception {
    try (DatagramSocket udp = new DatagramSocket(0, LOOPBACK)) {
      int port = udp.getLocalPort();
      AtomicReference<Inspector.Result> result = new AtomicReference<>();
      Thread inspect =
          new Thread(
              () ->
                  result.set(
                      Inspector.run(
                          "--live",
                          "lo",
                          "-f",
                          "udp dst port " + port,
                          "-c",
                          "3",
                          "--duration",
                          "10",
                          "--json")),
              "inspect-live");
      inspect.start();
      long deadline = System.nanoTime() + CAPTURE_MILLIS * 1_000_000;
      // The capture opens at some point after start(); datagrams sent before that are not seen, so
      // keep sending.
      while (inspect.isAlive() && System.nanoTime() < deadline) {
        udp.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, LOOPBACK, port));
        inspect.join(20);
      }
      inspect.join(CAPTURE_MILLIS);

      assertThat(inspect.isAlive()).isFalse();
      assertThat(result.get().exitCode()).as(result.get().err()).isZero();
      assertThat(result.get().out().lines())
          .hasSize(3)
          .allMatch(
              line ->
                  line.contains("\"udp.dstport\":" + port) && line.contains("\"udp.length\":11"));
    }
  }

  @Test
  void unknownInterfaceIsOneClearLine() {
    Inspector.Result result = Inspector.run("--live", "no-such-nic0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: no interface named no-such-nic0 (see --list-interfaces)\n");
  }

  @Test
  void listInterfacesNamesLoopback() {
    Inspector.Result result = Inspector.run("--list-interfaces");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).anyMatch(line -> line.startsWith("lo (loopback)"));
  }

  private static boolean sawUdp(List<DecodedFrame> frames) {
    return frames.stream().anyMatch(frame -> frame.json().containsKey("udp.dstport"));
  }
}
