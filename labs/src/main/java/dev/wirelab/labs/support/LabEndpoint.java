package dev.wirelab.labs.support;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options every lab shares, as a picocli mixin ({@code @Mixin LabEndpoint endpoint}): which end
 * to run, and where. The port defaults to 90NN for lab NN, so labs never collide.
 */
public final class LabEndpoint {
  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "demo",
      paramLabel = "MODE",
      description = "demo (both ends here), server, or client (default: ${DEFAULT-VALUE})")
  private LabMode mode;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "server: address to listen on (0.0.0.0 = every interface); client: server to call")
  private String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      converter = PortConverter.class,
      description = "port to listen on or call (default: 90${COMMAND-NAME}; 0 = any free port)")
  private Integer port;

  @Spec(Spec.Target.MIXEE)
  private CommandSpec lab;

  public LabMode mode() {
    return mode;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port != null ? port : Integer.parseInt("90" + lab.name());
  }

  /** The effective settings, for the line every lab prints first. */
  @Override
  public String toString() {
    return "mode=" + mode + " host=" + host + " port=" + port();
  }
}
