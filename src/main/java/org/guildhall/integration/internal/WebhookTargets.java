package org.guildhall.integration.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses a webhook may be posted to. A webhook is a request the server makes on the
 * owner's behalf, so by default it must not reach the server's own network: loopback, private (RFC
 * 1918, unique-local IPv6), link-local (cloud metadata at 169.254.169.254), carrier-grade NAT and
 * multicast addresses are refused, both when the owner saves the address (for literal addresses and
 * {@code localhost}) and before every attempt (for what the host name resolves to then). {@code
 * guildhall.webhooks.allow-private-targets} lifts the rule for a receiver on the same machine or
 * network.
 */
@Component
class WebhookTargets {

  static final int MAX_URL_LENGTH = 2000;

  private final boolean allowPrivate;

  WebhookTargets(@Value("${guildhall.webhooks.allow-private-targets:false}") boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** What is wrong with an address the owner typed, as a message key; empty when it is usable. */
  Optional<String> problem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("webhooks.url.required");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return Optional.of("webhooks.url.too-long");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("webhooks.url.invalid");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      return Optional.of("webhooks.url.invalid");
    }
    if (!allowPrivate && isPrivateLiteral(uri.getHost())) {
      return Optional.of("webhooks.url.private");
    }
    return Optional.empty();
  }

  /**
   * Resolves the URL's host now and refuses it if any of its addresses is not public (unless
   * private targets are allowed). Returns the reason as one line, or empty to go ahead.
   */
  Optional<String> refusal(URI uri) {
    if (allowPrivate) {
      return Optional.empty();
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
        if (!isPublic(address)) {
          return Optional.of(
              "Refused: "
                  + uri.getHost()
                  + " resolves to a non-public address "
                  + address.getHostAddress());
        }
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.of("Unknown host: " + uri.getHost());
    }
  }

  private static boolean isPrivateLiteral(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    boolean literal = h.startsWith("[") || h.matches("[0-9.]+");
    if (!literal) {
      return false;
    }
    try {
      return !isPublic(InetAddress.getByName(h.replace("[", "").replace("]", "")));
    } catch (UnknownHostException e) {
      return true; // an address that does not parse is not a public one
    }
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicIpv4(b);
    }
    if (address instanceof Inet6Address) {
      return isPublicIpv6(b);
    }
    return true;
  }

  private static boolean isPublicIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    int third = b[2] & 0xff;
    return first != 0 // "this network"
        && first != 10
        && first != 127
        && !(first == 169 && second == 254) // link-local, cloud metadata
        && !(first == 172 && second >= 16 && second < 32)
        && !(first == 192 && second == 168)
        && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
        && !(first == 192 && second == 0 && (third == 0 || third == 2)) // IETF, documentation
        && !(first == 198 && (second == 18 || second == 19)) // benchmarking
        && !(first == 198 && second == 51 && third == 100) // documentation
        && !(first == 203 && second == 0 && third == 113) // documentation
        && first < 224; // multicast, reserved and broadcast
  }

  /**
   * IPv6 ranges that are local, or that carry an IPv4 address a gateway would reach for us: the
   * IPv4 address inside IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}) and 6to4
   * ({@code 2002::/16}) addresses must itself be public; local-use NAT64, Teredo and documentation
   * ranges are refused outright.
   */
  private static boolean isPublicIpv6(byte[] b) {
    if ((b[0] & 0xfe) == 0xfc) {
      return false; // unique local fc00::/7
    }
    if (zero(b, 0, 12)) {
      return isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]});
    }
    if (prefix(b, 0x00, 0x64, 0xff, 0x9b)) {
      return zero(b, 4, 12) && isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]});
    }
    if (prefix(b, 0x20, 0x02)) {
      return isPublicIpv4(new byte[] {b[2], b[3], b[4], b[5]});
    }
    return !prefix(b, 0x20, 0x01, 0x00, 0x00) // Teredo
        && !prefix(b, 0x20, 0x01, 0x0d, 0xb8); // documentation
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean prefix(byte[] b, int... bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if ((b[i] & 0xff) != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
