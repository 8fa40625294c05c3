package org.guildhall.membership;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * Everything the member's own membership page shows: the live membership (null if none), its tier,
 * a downgrade waiting for the period end, whether the gateway renews it automatically, and what
 * each payment did.
 */
public record MembershipDetails(
    MembershipView membership,
    TierView tier,
    TierView pendingTier,
    BillingPeriod pendingBilling,
    boolean autoRenews,
    boolean trialAvailable,
    List<HistoryEntry> history) {

  public MembershipDetails {
    history = List.copyOf(history);
  }

  /** One payment's effect: a new membership, a renewal, a conversion from a trial, an upgrade. */
  public record HistoryEntry(
      UUID orderId,
      String tierName,
      BillingPeriod billing,
      String kind,
      Instant periodStart,
      Instant periodEnd,
      Money amount,
      Instant at,
      boolean revoked) {}
}
