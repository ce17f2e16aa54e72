package com.microsoft.kusto.emulator.server;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Netty resolver that sends every host name to 127.0.0.1, as the README's hosts-file lines do for a user, and
 * optionally moves a name's port 443 to the port a test listener really has (a user maps 443 with iptables or
 * binds it). TLS still checks the certificate against the name the client asked for.
 */
final class LoopbackNames extends AddressResolverGroup<InetSocketAddress> {
  private final Function<String, Integer> port443;

  private LoopbackNames(Function<String, Integer> port443) {
    this.port443 = port443;
  }

  /** Names to loopback, ports unchanged. */
  static LoopbackNames resolver() {
    return new LoopbackNames(host -> null);
  }

  /** Names to loopback; port 443 of a host in {@code ports} becomes the port it maps to. */
  static LoopbackNames mapping443(Map<String, Integer> ports) {
    return new LoopbackNames(ports::get);
  }

  @Override
  protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
    return new AbstractAddressResolver<InetSocketAddress>(executor) {
      @Override
      protected boolean doIsResolved(InetSocketAddress address) {
        return !address.isUnresolved();
      }

      @Override
      protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
        try {
          promise.setSuccess(loopback(unresolved));
        } catch (UnknownHostException e) {
          promise.setFailure(e);
        }
      }

      @Override
      protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
        try {
          promise.setSuccess(List.of(loopback(unresolved)));
        } catch (UnknownHostException e) {
          promise.setFailure(e);
        }
      }
    };
  }

  private InetSocketAddress loopback(InetSocketAddress unresolved) throws UnknownHostException {
    String host = unresolved.getHostString();
    Integer mapped = unresolved.getPort() == 443 ? port443.apply(host.toLowerCase(java.util.Locale.ROOT)) : null;
    return new InetSocketAddress(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}),
        mapped == null ? unresolved.getPort() : mapped);
  }
}
