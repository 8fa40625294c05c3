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
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 // "this network"
          && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          && first < 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      return (b[0] & 0xfe) != 0xfc; // unique local fc00::/7
    }
    return true;
  }
}
