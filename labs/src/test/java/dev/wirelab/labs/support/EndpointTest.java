package dev.wirelab.labs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void aWildcardAddressIsWrittenAsPeopleTypeIt() throws Exception {
    assertThat(Endpoint.of(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 3414)))
        .isEqualTo("0.0.0.0:3414");
    assertThat(Endpoint.of(new InetSocketAddress(InetAddress.getByName("::"), 3414)))
        .isEqualTo("[::]:3414");
    assertThat(Endpoint.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 3414)))
        .isEqualTo("127.0.0.1:3414");
  }

  @Test
  void aClientIsNeverToldToConnectToAWildcard() {
    assertThat(Endpoint.dialable("0.0.0.0")).isEqualTo("127.0.0.1");
    assertThat(Endpoint.dialable("::")).isEqualTo("127.0.0.1");
    assertThat(Endpoint.dialable("[::]")).isEqualTo("127.0.0.1");
    assertThat(Endpoint.dialable("192.168.1.20")).isEqualTo("192.168.1.20");
  }
}
