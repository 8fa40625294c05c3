package org.guildhall.commerce.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guildhall.commerce.gateway.PaymentGateway;
import org.guildhall.platform.InstallationSettings;
import org.springframework.stereotype.Component;

/**
 * The installed gateways by id, and the one new checkouts use: the owner's choice ({@code
 * payments.gateway} in the settings), if it is configured, else the sandbox.
 */
@Component
class Gateways {

  static final String SETTING = "payments.gateway";

  private final Map<String, PaymentGateway> byId;
  private final InstallationSettings settings;

  Gateways(List<PaymentGateway> gateways, InstallationSettings settings) {
    this.byId =
        gateways.stream().collect(Collectors.toMap(PaymentGateway::id, Function.identity()));
    this.settings = settings;
  }

  Optional<PaymentGateway> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  PaymentGateway get(String id) {
    return byId(id).orElseThrow(() -> new IllegalStateException("No gateway " + id));
  }

  Collection<PaymentGateway> all() {
    return byId.values();
  }

  PaymentGateway active() {
    return settings
        .get(SETTING)
        .flatMap(this::byId)
        .filter(PaymentGateway::configured)
        .orElseGet(() -> get(SandboxGateway.ID));
  }

  void choose(String id) {
    settings.put(SETTING, id);
  }
}
