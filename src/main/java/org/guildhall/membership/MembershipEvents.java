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

  /**
   * A payment started, renewed, converted (from a trial) or upgraded a membership; {@code
   * periodEnd} is null for lifetime.
   */
  public record MembershipPaid(
      UUID membershipId,
      UUID accountId,
      String tierSlug,
      String kind,
      Instant periodEnd,
      UUID orderId,
      Instant at) {}

  /**
   * The member cancelled at {@code at}; access stays until {@code accessUntil}. ({@code at} is null
   * in events stored before it was added.)
   */
  public record MembershipCanceled(
      UUID membershipId,
      UUID accountId,
      String tierSlug,
      String reason,
      Instant accessUntil,
      Instant at) {}

  /**
   * A reminder is due: {@code kind} is {@code D7} or {@code D1} before the period end, {@code
   * EXPIRED} when it has ended, {@code WINBACK} some days later with {@code couponCode}.
   */
  public record MembershipReminder(
      UUID membershipId,
      UUID accountId,
      String tierSlug,
      String kind,
      Instant periodEnd,
      boolean renewsAutomatically,
      String couponCode,
      Instant at) {}
}
