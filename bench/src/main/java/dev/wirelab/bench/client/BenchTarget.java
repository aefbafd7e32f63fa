package dev.wirelab.bench.client;

import dev.wirelab.common.cli.UserError;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * The one server a benchmark may load: {@code ws://HOST:PORT[/engine-path/]}, checked to be on this
 * machine unless remote targets were allowed, because a load generator pointed at someone else's
 * server is an attack, not a benchmark.
 *
 * @param address the resolved server address
 * @param port its TCP port
 * @param webSocketUri where the Engine.IO v4 WebSocket transport is opened
 */
public record BenchTarget(InetAddress address, int port, URI webSocketUri) {
  private static final String DEFAULT_PATH = "/socket.io/";

  /** Parses and checks {@code url}; fails with a one-line {@link UserError}. */
  public static BenchTarget parse(String url, boolean allowRemote) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new UserError("not a URL: " + url + " (expected ws://HOST:PORT)");
    }
    if (!"ws".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
      throw new UserError("expected ws://HOST:PORT with an explicit port, not " + url);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new UserError("unknown host " + uri.getHost() + " in " + url);
    }
    if (!address.isLoopbackAddress() && !allowRemote) {
      throw new UserError(
          "refusing to load "
              + uri.getHost()
              + " ("
              + address.getHostAddress()
              + "): benchmarks only target this machine's loopback unless --allow-remote is given");
    }
    String path =
        uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")
            ? DEFAULT_PATH
            : uri.getPath();
    if (!path.endsWith("/")) {
      path += "/";
    }
    URI webSocket =
        URI.create("ws://" + uri.getRawAuthority() + path + "?EIO=4&transport=websocket");
    return new BenchTarget(address, uri.getPort(), webSocket);
  }
}
