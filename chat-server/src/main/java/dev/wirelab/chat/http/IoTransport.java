package dev.wirelab.chat.http;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.Locale;

/**
 * How Netty's event loops wait for the kernel: Linux's epoll or io_uring through Netty's native
 * transports, or Java's portable NIO selector. {@link #preferred()} is epoll where it loads;
 * docs/benchmarks.md measures it against io_uring (issue 17 §4).
 */
public enum IoTransport {
  EPOLL("epoll"),
  IO_URING("io_uring"),
  NIO("nio");

  private final String optionName;

  IoTransport(String optionName) {
    this.optionName = optionName;
  }

  /** Epoll where the native library loads (Linux), NIO elsewhere. */
  public static IoTransport preferred() {
    return EPOLL.isAvailable() ? EPOLL : NIO;
  }

  /** {@code epoll}, {@code io_uring} or {@code nio}, as a command line option takes it. */
  public static IoTransport fromOption(String name) {
    for (IoTransport transport : values()) {
      if (transport.optionName.equals(name.toLowerCase(Locale.ROOT))) {
        return transport;
      }
    }
    throw new IllegalArgumentException(
        "the I/O transport is epoll, io_uring or nio, not \"" + name + "\"");
  }

  public String optionName() {
    return optionName;
  }

  /** Whether the native library loads here (and, for io_uring, the kernel allows it). */
  public boolean isAvailable() {
    return unavailabilityCause() == null;
  }

  /**
   * This transport, or a clear error naming why it cannot run here (no native library, a kernel
   * without io_uring, or one where it is switched off).
   */
  public IoTransport requireAvailable() {
    Throwable cause = unavailabilityCause();
    if (cause != null) {
      throw new IllegalStateException(
          optionName + " is not available here: " + cause.getMessage(), cause);
    }
    return this;
  }

  private Throwable unavailabilityCause() {
    return switch (this) {
      case EPOLL -> Epoll.unavailabilityCause();
      case IO_URING -> IoUring.unavailabilityCause();
      case NIO -> null;
    };
  }

  public IoHandlerFactory ioHandlerFactory() {
    return switch (this) {
      case EPOLL -> EpollIoHandler.newFactory();
      case IO_URING -> IoUringIoHandler.newFactory();
      case NIO -> NioIoHandler.newFactory();
    };
  }

  public Class<? extends ServerChannel> serverChannel() {
    return switch (this) {
      case EPOLL -> EpollServerSocketChannel.class;
      case IO_URING -> IoUringServerSocketChannel.class;
      case NIO -> NioServerSocketChannel.class;
    };
  }

  public Class<? extends SocketChannel> socketChannel() {
    return switch (this) {
      case EPOLL -> EpollSocketChannel.class;
      case IO_URING -> IoUringSocketChannel.class;
      case NIO -> NioSocketChannel.class;
    };
  }
}
