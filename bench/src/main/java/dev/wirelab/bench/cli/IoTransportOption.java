package dev.wirelab.bench.cli;

import dev.wirelab.chat.http.IoTransport;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --io epoll|io_uring|nio}; one that cannot run here is refused with the reason. */
final class IoTransportOption implements ITypeConverter<IoTransport> {
  @Override
  public IoTransport convert(String value) {
    return IoTransport.fromOption(value).requireAvailable();
  }
}
