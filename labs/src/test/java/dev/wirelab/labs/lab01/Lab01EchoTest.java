package dev.wirelab.labs.lab01;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.labs.support.Narrator;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class Lab01EchoTest {
  private static final int READ_TIMEOUT_MILLIS = 5_000;

  private final StringWriter output = new StringWriter();
  private final Narrator narrator = new Narrator(new PrintWriter(output), "test");

  @Test
  void everyByteValueComesBackUnchanged() throws Exception {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    try (EchoServer server = EchoServer.start("127.0.0.1", 0, narrator);
        Socket client = connect(server)) {
      client.getOutputStream().write(all);
      assertThat(client.getInputStream().readNBytes(all.length)).isEqualTo(all);
    }
  }

  @Test
  void serverPrintsTheFourTupleWithTheClientsEphemeralPort() throws Exception {
    int clientPort;
    int serverPort;
    try (EchoServer server = EchoServer.start("127.0.0.1", 0, narrator);
        Socket client = connect(server)) {
      serverPort = server.port();
      clientPort = client.getLocalPort();
      client.getOutputStream().write('x');
      assertThat(client.getInputStream().read()).isEqualTo('x');
    }
    assertThat(output.toString())
        .contains("accepted 127.0.0.1:" + serverPort + " <-> 127.0.0.1:" + clientPort);
    assertThat(clientPort).isNotEqualTo(serverPort);
  }

  @Test
  void clientCountsTheBytesOfEachLineBothWays() throws Exception {
    try (EchoServer server = EchoServer.start("127.0.0.1", 0, narrator)) {
      try (EchoClient client = EchoClient.connect("127.0.0.1", server.port(), narrator)) {
        assertThat(client.echo("hello")).isEqualTo("hello");
        assertThat(client.echo("grüße")).isEqualTo("grüße");
        // "hello\n" is 6 bytes; "grüße\n" is 8, because ü and ß take two bytes each in UTF-8.
        assertThat(client.bytesSent()).isEqualTo(14);
        assertThat(client.bytesReceived()).isEqualTo(14);
      }
    }
    assertThat(output.toString())
        .contains("sent \"grüße\" (8 bytes), got back \"grüße\" (8 bytes)")
        .contains("closed; sent 14 bytes, received 14 bytes")
        .contains("hung up; echoed 14 bytes in total");
  }

  @Test
  void aSecondClientIsServedWhileTheFirstStaysConnected() throws Exception {
    try (EchoServer server = EchoServer.start("127.0.0.1", 0, narrator);
        Socket first = connect(server);
        Socket second = connect(server)) {
      second.getOutputStream().write("second\n".getBytes());
      assertThat(second.getInputStream().readNBytes(7)).asString().isEqualTo("second\n");
      first.getOutputStream().write("first\n".getBytes());
      assertThat(first.getInputStream().readNBytes(6)).asString().isEqualTo("first\n");
    }
  }

  @Test
  void closingTheServerHangsUpOnAClientThatStaysConnected() throws Exception {
    try (Socket lingering = new Socket()) {
      EchoServer server = EchoServer.start("127.0.0.1", 0, narrator);
      lingering.connect(new InetSocketAddress("127.0.0.1", server.port()), READ_TIMEOUT_MILLIS);
      lingering.setSoTimeout(READ_TIMEOUT_MILLIS);
      lingering.getOutputStream().write('x');
      assertThat(lingering.getInputStream().read()).isEqualTo('x');

      server.close();

      assertThat(lingering.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(output.toString()).contains("hanging up on 127.0.0.1:").contains("[test] stopped");
  }

  @Test
  void clientReportsAServerThatHangsUpBeforeReplying() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        EchoClient client = EchoClient.connect("127.0.0.1", silent.getLocalPort(), narrator)) {
      try (Socket accepted = silent.accept()) {
        accepted.shutdownOutput();
        assertThat(client.echo("anyone there?")).isNull();
        InputStream in = accepted.getInputStream();
        assertThat(in.readNBytes(14)).asString().isEqualTo("anyone there?\n");
      }
    }
  }

  private static Socket connect(EchoServer server) throws Exception {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), READ_TIMEOUT_MILLIS);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    return socket;
  }
}
