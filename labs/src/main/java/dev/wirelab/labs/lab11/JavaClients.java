package dev.wirelab.labs.lab11;

import dev.wirelab.labs.support.Narrator;
import dev.wirelab.labs.support.Stopping;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes official Java Socket.IO clients that print every Socket.IO packet they send ({@code ->})
 * and receive ({@code <-}). They share one OkHttp client, whose threads {@link #close} ends.
 */
public final class JavaClients implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JavaClients.class);

  /**
   * No idle connections kept: a pooled one would keep OkHttp's cleanup thread alive for minutes.
   * Plain HTTP only: the labs never use TLS, and without it OkHttp skips loading the JDK's
   * certificates, which takes seconds.
   */
  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
          .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
          .build();

  private final String baseUrl;
  private final Narrator narrator;

  /** {@code narrator} prints the packets; each client speaks under its own name. */
  public JavaClients(String host, int port, Narrator narrator) {
    this.baseUrl = "http://" + host + ":" + port;
    this.narrator = narrator;
  }

  /** A client for {@code namespace} that introduces itself as {@code name}; not connected yet. */
  public LabClient create(String name, String namespace, Map<String, String> auth) {
    return create(name, namespace, auth, new PacketPrinter(narrator.as(name)));
  }

  /**
   * A client whose frames go to {@code listener} instead of being printed. The client sends {@code
   * auth} in every CONNECT, as it is then: a lab may change it between connections.
   */
  public LabClient create(
      String name, String namespace, Map<String, String> auth, PacketTap.Listener listener) {
    return new LabClient(
        name, baseUrl + namespace, auth, http, new PacketTap(http, listener), false);
  }

  /**
   * A client that starts on HTTP long-polling and upgrades to WebSocket, as browsers do by default;
   * its polling requests go to {@code listener} too.
   */
  public LabClient createPollingFirst(
      String name, String namespace, Map<String, String> auth, PacketTap.Listener listener) {
    return new LabClient(
        name, baseUrl + namespace, auth, http, new PacketTap(http, listener), true);
  }

  @Override
  public void close() {
    // A cut connection may leave a call in flight: cancel it with the rest.
    http.dispatcher().cancelAll();
    if (!Stopping.shutdownNow(http.dispatcher().executorService(), 5_000)) {
      LOG.warn("OkHttp's dispatcher threads did not end within 5 s");
    }
    http.connectionPool().evictAll();
  }
}
