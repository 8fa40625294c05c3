package org.guildhall.commerce.internal;

import java.util.Optional;
import org.guildhall.commerce.gateway.GatewayKeys;
import org.guildhall.platform.InstallationSettings;
import org.guildhall.platform.SecretBox;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gateway keys: the environment wins ({@code GUILDHALL_PAYMENTS_STRIPE_SECRET_KEY} is {@code
 * guildhall.payments.stripe.secret-key}); otherwise what the owner entered in the payment settings,
 * stored sealed by {@link SecretBox}.
 */
@Component
class PaymentKeys implements GatewayKeys {

  private final Environment environment;
  private final InstallationSettings settings;
  private final SecretBox box;

  PaymentKeys(Environment environment, InstallationSettings settings, SecretBox box) {
    this.environment = environment;
    this.settings = settings;
    this.box = box;
  }

  @Override
  public Optional<String> get(String gatewayId, String name) {
    String fromEnvironment = environment.getProperty(property(gatewayId, name));
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(fromEnvironment);
    }
    return settings.get(settingKey(gatewayId, name)).map(box::open);
  }

  boolean fromEnvironment(String gatewayId, String name) {
    String value = environment.getProperty(property(gatewayId, name));
    return value != null && !value.isBlank();
  }

  /** True when the owner stored a value (whether or not the environment overrides it). */
  boolean stored(String gatewayId, String name) {
    return settings.get(settingKey(gatewayId, name)).isPresent();
  }

  void put(String gatewayId, String name, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    settings.put(settingKey(gatewayId, name), box.seal(value.strip()));
  }

  void remove(String gatewayId, String name) {
    settings.remove(settingKey(gatewayId, name));
  }

  private static String property(String gatewayId, String name) {
    return "guildhall.payments." + gatewayId + "." + name;
  }

  private static String settingKey(String gatewayId, String name) {
    return "payments." + gatewayId + "." + name;
  }
}
