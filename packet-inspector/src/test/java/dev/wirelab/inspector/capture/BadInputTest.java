package dev.wirelab.inspector.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.Inspector;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that cannot be read give one clear line and exit code 2; damaged frames are marked and
 * decoding goes on.
 */
class BadInputTest {
  @TempDir Path dir;

  @Test
  void missingFile() {
    assertOneLineError(Inspector.run(dir.resolve("nothing.pcap").toString()), "no such file: ");
  }

  @Test
  void directory() {
    assertOneLineError(Inspector.run(dir.toString()), "is a directory, not a capture file");
  }

  @Test
  void emptyFile() throws IOException {
    assertOneLineError(
        Inspector.run(write("empty.pcap", new byte[0]).toString()), "is empty: not a capture file");
  }

  @Test
  void garbage() throws IOException {
    byte[] text = "GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertOneLineError(
        Inspector.run(write("page.pcap", text).toString()),
        "is not a pcap or pcapng file (it starts with 47455420)");
  }

  @Test
  void pcapHeaderCutShort() throws IOException {
    byte[] header = Arrays.copyOf(Inspector.captureBytes("bigendian.pcap"), 10);
    assertOneLineError(
        Inspector.run(write("short.pcap", header).toString()), "pcap file header is cut short");
  }

  @Test
  void badFilterIsAUsageError() {
    assertOneLineError(
        Inspector.run("-f", "tcp port banana", Inspector.capture("dns.pcap").toString()),
        "bad filter \"tcp port banana\"");
  }

  @Test
  void fileCutMidRecordShowsWhatIsThereAndWarns() throws IOException {
    byte[] whole = Inspector.captureBytes("tcp_handshake.pcapng");
    Path cut = write("cut.pcapng", Arrays.copyOf(whole, whole.length - 40));

    Inspector.Result result = Inspector.run(cut.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).hasSize(2);
    assertThat(result.err())
        .isEqualTo(
            "warning: " + cut + ": the file is cut short in the middle of a block (frame 3)\n");
  }

  @Test
  void snaplenCutFramesAreDecodedAsFarAsTheyGo() {
    Inspector.Result result =
        Inspector.run(Inspector.capture("quic_handshake_truncated.pcap").toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).hasSize(18).allMatch(line -> line.contains("IP6 ::1."));
  }

  @Test
  void lyingLengthFieldsAreMarkedMalformedAndDecodingGoesOn() {
    Inspector.Result result = Inspector.run(Inspector.capture("badpackets.pcap").toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines())
        .hasSize(93)
        .allMatch(line -> line.contains("[malformed: IPv4 total length"))
        .filteredOn(line -> line.contains("DNS response"))
        .hasSize(88);
    assertThat(result.out())
        .contains(
            "4 11:04:11.753069 IP 69.252.120.172.53 > 204.186.80.229.59100: UDP, length 1484"
                + " [malformed: IPv4 total length 1500 runs 1454 bytes past the end of the frame (past even the frame's"
                + " length on the wire, so the header is wrong, not the snaplen)]"
                + " [malformed: UDP length 1492 runs 1466 bytes past the end of the frame (past even the frame's length"
                + " on the wire, so the header is wrong, not the snaplen)]"
                + " [malformed: DNS header needs 12 bytes, only 4 present (the capture's snaplen cut the frame)]");
  }

  /**
   * The fuzzer-made file whose only record claims 524 501 captured bytes. tshark "recovers" a frame
   * from it with swapped lengths; we deliberately show the bytes that are there as one malformed
   * frame and say why, instead of guessing.
   */
  @Test
  void brokenRecordHeaderIsShownAsMalformedNotGuessed() {
    Inspector.Result result =
        Inspector.run("--json", Inspector.capture("fuzz-2021-10-13.pcap").toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("{\"frame\":1,\"cap_len\":199,")
        .contains(
            "\"malformed\":[\"record 1 claims 524501 captured bytes, more than any snaplen: the file is damaged from here on\"]");
    assertThat(result.err()).contains("warning: ").contains("the file is damaged from here on");
  }

  private static void assertOneLineError(Inspector.Result result, String message) {
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("error: ").contains(message).doesNotContain("\tat ");
    assertThat(result.err().lines()).hasSize(1);
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new FileOutputStream(file.toFile())) {
      out.write(content);
    }
    return file;
  }
}
