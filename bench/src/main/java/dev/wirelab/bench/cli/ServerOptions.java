package dev.wirelab.bench.cli;

import dev.wirelab.chat.http.IoTransport;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where a bench server listens and how its event loops wait: {@code --port} and {@code --io}. */
final class ServerOptions {
  @Option(
      names = "--port",
      defaultValue = "3000",
      description = "TCP port on 127.0.0.1, default ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--io",
      converter = TransportConverter.class,
      description = "epoll, io_uring or nio; default epoll where it loads, else nio.")
  IoTransport transport = IoTransport.preferred();

  /** Reads {@code --io}; a transport that cannot run here is refused with the reason. */
  static final class TransportConverter implements ITypeConverter<IoTransport> {
    @Override
    public IoTransport convert(String value) {
      try {
        return IoTransport.fromOption(value).requireAvailable();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
