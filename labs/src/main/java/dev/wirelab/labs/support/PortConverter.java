package dev.wirelab.labs.support;

import picocli.CommandLine;

/** Parses a TCP/UDP port: a whole number from 0 (let the OS choose) to 65535. */
public final class PortConverter implements CommandLine.ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    int port;
    try {
      port = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a port number (use a whole number from 0 to 65535)");
    }
    if (port < 0 || port > 65_535) {
      throw new CommandLine.TypeConversionException(port + " is outside the port range 0-65535");
    }
    return port;
  }
}
