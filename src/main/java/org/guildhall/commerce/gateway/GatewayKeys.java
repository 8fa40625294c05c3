package org.guildhall.commerce.gateway;

import java.util.Optional;

/**
 * A gateway's keys and settings by name (e.g. {@code stripe} / {@code secret-key}). The
 * application's implementation reads the environment first ({@code
 * GUILDHALL_PAYMENTS_STRIPE_SECRET_KEY}) and then the owner's settings, which are stored encrypted.
 */
public interface GatewayKeys {

  Optional<String> get(String gatewayId, String name);

  default boolean has(String gatewayId, String... names) {
    for (String name : names) {
      if (get(gatewayId, name).filter(v -> !v.isBlank()).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
