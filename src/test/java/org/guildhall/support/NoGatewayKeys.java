package org.guildhall.support;

import java.util.Optional;
import org.guildhall.commerce.gateway.GatewayKeys;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * Gateway keys for application contexts in tests while the application has none of its own: no
 * gateway has keys, so none is configured. A {@link Fallback} bean, so the application's {@link
 * GatewayKeys} wins as soon as there is one.
 */
@Component
@Fallback
class NoGatewayKeys implements GatewayKeys {

  @Override
  public Optional<String> get(String gatewayId, String name) {
    return Optional.empty();
  }
}
