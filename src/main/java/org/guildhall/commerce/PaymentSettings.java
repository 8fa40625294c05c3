package org.guildhall.commerce;

import java.util.List;

/**
 * The payment settings as the owner's page shows them. Key values are never part of it: only where
 * each key comes from.
 *
 * @param active the gateway new checkouts use now
 * @param chosen the owner's choice (may differ from {@code active} when it lost its keys)
 */
public record PaymentSettings(
    String active, String chosen, List<GatewayState> gateways, SandboxFaultsView faults) {

  /** Where a key's value comes from: the environment wins over a value the owner entered. */
  public enum KeySource {
    ENVIRONMENT,
    SET,
    NOT_SET
  }

  /**
   * One key of a gateway. {@code multiline} keys (PEM keys) get a text area; every key is a secret
   * the page never shows.
   */
  public record KeyState(String name, KeySource source, boolean multiline) {}

  /**
   * A gateway: {@code installed} when this build has it, {@code configured} when its keys are all
   * present, so that it can be chosen.
   */
  public record GatewayState(
      String id, boolean installed, boolean configured, List<KeyState> keys) {

    public boolean hasKeys() {
      return !keys.isEmpty();
    }
  }

  /** The sandbox's fault settings (see {@link SandboxFaultsForm}). */
  public record SandboxFaultsView(int copies, int delaySeconds, boolean reorder, boolean drop) {}

  public GatewayState gateway(String id) {
    return gateways.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
  }
}
