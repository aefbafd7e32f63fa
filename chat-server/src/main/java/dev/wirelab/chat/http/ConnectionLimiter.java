package dev.wirelab.chat.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps open TCP connections, in all and per client address, closing at once what exceeds them: file
 * descriptors run out long before Engine.IO sessions do. Loopback is not capped per address, so a
 * load generator on the teacher's own machine can open thousands.
 */
@Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);

  /** One line per this many refusals, so a flood does not flood the log. */
  private static final int LOG_EVERY = 1_000;

  private final int maxTotal;
  private final int maxPerAddress;
  private final AtomicInteger total = new AtomicInteger();
  private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
  private final AtomicInteger refused = new AtomicInteger();

  ConnectionLimiter(int maxTotal, int maxPerAddress) {
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    int all = total.incrementAndGet();
    int mine = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    String over =
        all > maxTotal
            ? "more than " + maxTotal + " connections in all"
            : !address.isLoopbackAddress() && mine > maxPerAddress
                ? "more than " + maxPerAddress + " connections from " + address.getHostAddress()
                : null;
    if (over != null) {
      if (refused.getAndIncrement() % LOG_EVERY == 0) {
        log.warn("refusing connections: {} ({} refused so far)", over, refused.get());
      }
      ctx.close();
      return;
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    total.decrementAndGet();
    perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
    ctx.fireChannelInactive();
  }
}
