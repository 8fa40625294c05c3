package org.guildhall.membership;

import java.time.Instant;
import java.util.UUID;

/** A membership as pages and other modules see it. */
public record MembershipView(
    UUID id,
    UUID accountId,
    String tierSlug,
    int tierRank,
    MembershipStatus status,
    BillingPeriod billing,
    Instant startedAt,
    Instant currentPeriodEnd,
    Instant graceUntil,
    boolean cancelAtPeriodEnd,
    Instant endedAt) {

  public boolean isLive() {
    return status.grantsAccess();
  }

  /** Until when the member keeps access as things stand (the grace end when past due). */
  public Instant accessUntil() {
    return status == MembershipStatus.PAST_DUE ? graceUntil : currentPeriodEnd;
  }
}
