package dev.wirelab.labs.lab15;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.LabRun;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Lab15SelectLoopTest {

  @Test
  void demoShowsWakeUpsAPartialWriteAVanishedClientAndOneThread() {
    LabRun run = LabRun.of(new Lab15SelectLoop(), "demo", "--port", "0", "--bulk-bytes", "2097152");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "lab 15 A select loop by hand: mode=demo host=127.0.0.1 port=0 " + "bulk-bytes=2097152")
        .contains("[client 3] echo: hello from client 3")
        .containsPattern("the kernel took \\d+ of \\d+ bytes: OP_WRITE on")
        .contains("(while the slow reader's echo waits)")
        .contains("got 2097152 bytes back, every one in order")
        .contains("everything written: OP_WRITE off")
        .containsPattern("client 5: .*: closed")
        .contains("[client 2] echo: anyone hurt?")
        .containsPattern("[1-9]\\d* of them partial")
        .contains("\"lab15-select-loop\"");
    assertThat(run.out().lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
  }

  @Test
  void manyClientsAtOnceEachGetExactlyTheirOwnBytesFromOneThread() throws Exception {
    List<String> told = new ArrayList<>();
    try (SelectLoopServer server =
        SelectLoopServer.start(
            "127.0.0.1",
            0,
            line -> {
              synchronized (told) {
                told.add(line);
              }
            })) {
      server.narrateEveryEvent(false);
      List<Socket> clients = new ArrayList<>();
      try {
        for (int i = 0; i < 50; i++) {
          Socket socket = new Socket();
          socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
          socket.setSoTimeout(5_000);
          clients.add(socket);
        }
        for (int round = 0; round < 3; round++) {
          for (int i = 0; i < clients.size(); i++) {
            OutputStream out = clients.get(i).getOutputStream();
            out.write(("client " + i + " round " + round + "\n").getBytes(StandardCharsets.UTF_8));
          }
          for (int i = 0; i < clients.size(); i++) {
            byte[] expected =
                ("client " + i + " round " + round + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] got = new byte[expected.length];
            new DataInputStream(clients.get(i).getInputStream()).readFully(got);
            assertThat(new String(got, StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
          }
        }
      } finally {
        for (Socket client : clients) {
          client.close();
        }
      }
      assertThat(server.thread().isAlive()).isTrue();
      assertThat(server.stats().bytesRead())
          .isEqualTo(3L * 50 * "client 10 round 0\n".length() - 3L * 10);
    }
  }
}
