package org.guildhall.membership;

import java.time.Instant;
import java.util.UUID;

/** Events of the membership module; ids and values only. */
public final class MembershipEvents {

  private MembershipEvents() {}

  public record TrialStarted(
      UUID membershipId, UUID accountId, String tierSlug, Instant trialEnds, Instant at) {}

  public record MembershipPastDue(
      UUID membershipId, UUID accountId, Instant graceUntil, Instant at) {}

  public record MembershipExpired(
      UUID membershipId, UUID accountId, String tierSlug, MembershipStatus from, Instant at) {}
}
