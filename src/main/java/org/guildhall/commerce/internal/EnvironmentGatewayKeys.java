package org.guildhall.commerce.internal;

import java.util.Optional;
import org.guildhall.commerce.gateway.GatewayKeys;
import org.springframework.context.annotation.Fallback;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gateway keys from the environment alone: {@code guildhall.payments.<gateway>.<name>}, e.g. {@code
 * GUILDHALL_PAYMENTS_ALIPAY_APP_ID}. A {@link Fallback} bean: it stands aside as soon as the
 * application has a {@link GatewayKeys} that also reads the owner's encrypted settings.
 */
@Component
@Fallback
class EnvironmentGatewayKeys implements GatewayKeys {

  private final Environment environment;

  EnvironmentGatewayKeys(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Optional<String> get(String gatewayId, String name) {
    return Optional.ofNullable(
        environment.getProperty("guildhall.payments." + gatewayId + "." + name));
  }
}
