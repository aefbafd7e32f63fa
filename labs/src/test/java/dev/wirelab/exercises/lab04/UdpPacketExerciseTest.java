package dev.wirelab.exercises.lab04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wirelab.exercises.ExerciseTestBase;
import dev.wirelab.exercises.ResourceTree;
import dev.wirelab.exercises.check.StudentCompiler;
import dev.wirelab.exercises.sandbox.StudentCode;
import dev.wirelab.exercises.sandbox.StudentProcess;
import dev.wirelab.testkit.RealClock;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UdpPacketExerciseTest extends ExerciseTestBase {
  UdpPacketExerciseTest() {
    super("04");
  }

  @Test
  void anUninvertedHeaderChecksumFailsOnlyTheIpv4Checksum() throws Exception {
    proof.wrong("checksum-not-inverted").failsExactly("ipv4-checksum");
  }

  @Test
  void aUdpChecksumWithoutThePseudoHeaderFailsOnlyTheUdpChecksum() throws Exception {
    proof.wrong("no-pseudo-header").failsExactly("udp-checksum");
  }

  /** tshark, where installed, agrees that the reference's checksums are right. */
  @Test
  void tsharkFindsBothChecksumsOfTheReferenceGood(@TempDir Path work) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark is not installed");
    Path sources = Files.createDirectory(work.resolve("src"));
    Path classes = Files.createDirectory(work.resolve("classes"));
    ResourceTree.copy(getClass().getClassLoader(), proof.exercise().referenceResource(), sources);
    assertThat(StudentCompiler.compile(sources, classes).errors()).isEmpty();
    ByteArrayOutputStream pcap = new ByteArrayOutputStream();
    pcap.write(
        ByteBuffer.allocate(24)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(0xa1b2c3d4)
            .putShort((short) 2)
            .putShort((short) 4)
            .putInt(0)
            .putInt(0)
            .putInt(65535)
            .putInt(228)
            .array());
    try (StudentCode code = new StudentCode(classes)) {
      StudentProcess probe =
          code.runProgram(Duration.ofSeconds(20), UdpPacketProbe.class.getName());
      for (String line : probe.stdout().strip().split("\n")) {
        byte[] packet = HexFormat.of().parseHex(line.substring(3));
        pcap.write(
            ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0)
                .putInt(0)
                .putInt(packet.length)
                .putInt(packet.length)
                .array());
        pcap.write(packet);
      }
    }
    Path file = Files.write(work.resolve("reference.pcap"), pcap.toByteArray());
    Process tshark =
        RealClock.forChild(
                new ProcessBuilder(
                        "tshark",
                        "-n",
                        "-r",
                        file.toString(),
                        "-o",
                        "ip.check_checksum:TRUE",
                        "-o",
                        "udp.check_checksum:TRUE",
                        "-T",
                        "fields",
                        "-e",
                        "ip.checksum.status",
                        "-e",
                        "udp.checksum.status")
                    .redirectError(ProcessBuilder.Redirect.DISCARD))
            .start();
    String fields = new String(tshark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tshark.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // 1 is tshark's "Good" for a verified checksum.
    assertThat(fields.strip().lines().toList()).as(fields).isEqualTo(List.of("1\t1", "1\t1"));
  }
}
