package org.guildhall.commerce.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A notification as it arrived: the raw body (byte-exact, for signatures), the headers with
 * lower-case names, and the form parameters when the body was form-encoded (Alipay).
 */
public record InboundNotification(
    String body, Map<String, String> headers, Map<String, List<String>> form) {

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }
}
