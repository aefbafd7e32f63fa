package dev.wirelab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A leak report names what was left open: a listener and both ends of a TCP connection. */
class OpenSocketsTest {
  @Test
  void namesAListenerAndBothEndsOfAConnection() throws Exception {
    Set<String> before = OpenSockets.inodes();
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Socket client = new Socket("127.0.0.1", listener.getLocalPort());
        Socket server = listener.accept()) {
      Set<String> opened = new HashSet<>(OpenSockets.inodes());
      opened.removeAll(before);

      int port = listener.getLocalPort();
      int clientPort = client.getLocalPort();
      assertThat(OpenSockets.describe(opened))
          .containsExactlyInAnyOrder(
              "tcp 127.0.0.1:" + port + " LISTEN",
              "tcp 127.0.0.1:" + clientPort + " > 127.0.0.1:" + port + " ESTABLISHED",
              "tcp 127.0.0.1:" + port + " > 127.0.0.1:" + clientPort + " ESTABLISHED");
      assertThat(server.isConnected()).isTrue();
    }
  }

  @Test
  void namesAnIpv6Endpoint() throws Exception {
    Set<String> before = OpenSockets.inodes();
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      Set<String> opened = new HashSet<>(OpenSockets.inodes());
      opened.removeAll(before);
      assertThat(OpenSockets.describe(opened))
          .containsExactly("tcp [0:0:0:0:0:0:0:1]:" + listener.getLocalPort() + " LISTEN");
    }
  }
}
