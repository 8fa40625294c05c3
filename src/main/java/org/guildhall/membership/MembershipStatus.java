package org.guildhall.membership;

/**
 * Where a membership stands. TRIALING, ACTIVE, PAST_DUE (payment late, within the grace period) and
 * CANCELED (cancelled, still good until the period ends) all grant the tier; EXPIRED does not.
 */
public enum MembershipStatus {
  TRIALING,
  ACTIVE,
  PAST_DUE,
  CANCELED,
  EXPIRED;

  public boolean grantsAccess() {
    return this != EXPIRED;
  }
}
