package org.guildhall.membership.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.membership.MembershipEvents.MembershipExpired;
import org.guildhall.membership.MembershipEvents.MembershipPastDue;
import org.guildhall.membership.MembershipEvents.TrialStarted;
import org.guildhall.membership.MembershipStanding;
import org.guildhall.membership.MembershipStatus;
import org.guildhall.membership.MembershipView;
import org.guildhall.platform.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starting, reading and moving memberships on. */
@Service
public class MembershipService {

  private final MembershipRepository memberships;
  private final TierRepository tiers;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration grace;

  MembershipService(
      MembershipRepository memberships,
      TierRepository tiers,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${guildhall.membership.grace-days:3}") int graceDays) {
    this.memberships = memberships;
    this.tiers = tiers;
    this.events = events;
    this.clock = clock;
    this.grace = Duration.ofDays(graceDays);
  }

  /**
   * Starts the tier's free trial. Refused when the tier has none, when the member has had a trial
   * before (of any tier), or while they hold a live membership. The database's unique keys are the
   * last guard, so concurrent attempts cannot start two.
   */
  @Transactional
  public MembershipView startTrial(UUID accountId, String tierSlug) {
    Tier tier =
        tiers
            .findBySlugAndActiveTrue(tierSlug)
            .orElseThrow(() -> DomainException.notFound("tier-not-found"));
    if (tier.trialDays() <= 0) {
      throw DomainException.conflict("no-trial");
    }
    if (memberships.countTrials(accountId) > 0) {
      throw DomainException.conflict("trial-used");
    }
    if (memberships.findLive(accountId).isPresent()) {
      throw DomainException.conflict("already-member");
    }
    Instant now = clock.instant();
    Membership membership = Membership.trial(accountId, tier.id(), tier.trialDays(), now);
    try {
      memberships.saveAndFlush(membership);
      memberships.recordTrial(accountId, tier.id(), membership.id(), now);
      memberships.flush();
    } catch (DataIntegrityViolationException raced) {
      throw DomainException.conflict("trial-used");
    }
    events.publishEvent(
        new TrialStarted(
            membership.id(), accountId, tier.slug(), membership.currentPeriodEnd(), now));
    return view(membership, tier);
  }

  @Transactional(readOnly = true)
  public Optional<MembershipView> live(UUID accountId) {
    return memberships
        .findLive(accountId)
        .map(m -> view(m, tiers.findById(m.tierId()).orElseThrow()));
  }

  @Transactional(readOnly = true)
  public boolean hadTrial(UUID accountId) {
    return memberships.countTrials(accountId) > 0;
  }

  @Transactional(readOnly = true)
  public MembershipStanding standing(UUID accountId) {
    Optional<MembershipView> live = live(accountId);
    return new MembershipStanding(live.orElse(null), live.isEmpty() && !hadTrial(accountId));
  }

  /**
   * Moves one membership on if its time has come; called by the expiry job, one transaction each.
   */
  @Transactional
  public void advance(UUID membershipId) {
    memberships
        .findById(membershipId)
        .ifPresent(
            m -> {
              Instant now = clock.instant();
              m.advance(now, grace)
                  .ifPresent(
                      from -> {
                        if (m.status() == MembershipStatus.PAST_DUE) {
                          events.publishEvent(
                              new MembershipPastDue(m.id(), m.accountId(), m.graceUntil(), now));
                        } else if (m.status() == MembershipStatus.EXPIRED) {
                          String slug = tiers.findById(m.tierId()).map(Tier::slug).orElse("");
                          events.publishEvent(
                              new MembershipExpired(m.id(), m.accountId(), slug, from, now));
                        }
                      });
            });
  }

  public static final java.util.List<String> CANCEL_REASONS =
      java.util.List.of("too-expensive", "not-using", "missing-content", "technical", "other");

  /**
   * Cancels at the period end with the survey's answer; the gateway's subscription (if any) is
   * stopped after this commits, so the member is not charged again.
   */
  @Transactional
  public java.util.Optional<UUID> cancel(UUID accountId, String reason, String comment) {
    java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
    if (reason == null || !CANCEL_REASONS.contains(reason)) {
      errors.put("reason", "membership.cancel.reason.required");
    }
    if (comment != null && comment.strip().length() > 1000) {
      errors.put("comment", "membership.cancel.comment.too-long");
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    Membership m =
        memberships
            .findLive(accountId)
            .filter(
                x ->
                    x.status() == MembershipStatus.ACTIVE
                        || x.status() == MembershipStatus.PAST_DUE)
            .orElseThrow(() -> DomainException.conflict("membership.nothing-to-cancel"));
    Instant now = clock.instant();
    m.cancel(reason, comment == null ? null : comment.strip(), now);
    memberships.saveAndFlush(m);
    String slug = tiers.findById(m.tierId()).map(Tier::slug).orElse("");
    events.publishEvent(
        new org.guildhall.membership.MembershipEvents.MembershipCanceled(
            m.id(), accountId, slug, reason, m.currentPeriodEnd(), now));
    return java.util.Optional.ofNullable(m.subscriptionOrderId());
  }

  @Transactional
  public void resume(UUID accountId) {
    Membership m =
        memberships
            .findLive(accountId)
            .filter(x -> x.status() == MembershipStatus.CANCELED)
            .orElseThrow(() -> DomainException.conflict("membership.nothing-to-resume"));
    try {
      m.resume(clock.instant());
    } catch (IllegalStateException over) {
      throw DomainException.conflict("membership.nothing-to-resume");
    }
    memberships.saveAndFlush(m);
  }

  /** Moves to a lower paid tier when the current period ends. */
  @Transactional
  public java.util.Optional<UUID> downgrade(
      UUID accountId, String tierSlug, org.guildhall.membership.BillingPeriod billing) {
    Tier target =
        tiers
            .findBySlugAndActiveTrue(tierSlug)
            .orElseThrow(() -> DomainException.invalidField("tier", "membership.downgrade.tier"));
    Membership m =
        memberships
            .findLive(accountId)
            .filter(x -> x.status() == MembershipStatus.ACTIVE)
            .orElseThrow(() -> DomainException.conflict("membership.nothing-to-downgrade"));
    Tier current = tiers.findById(m.tierId()).orElseThrow();
    if (target.rank() >= current.rank()) {
      throw DomainException.invalidField("tier", "membership.downgrade.tier");
    }
    if (billing == null
        || target
            .view(java.util.Locale.ENGLISH)
            .price(billing)
            .filter(p -> p.minor() > 0)
            .isEmpty()) {
      throw DomainException.invalidField("billing", "membership.downgrade.billing");
    }
    m.downgradeAtPeriodEnd(target.id(), billing, clock.instant());
    memberships.saveAndFlush(m);
    return java.util.Optional.ofNullable(m.subscriptionOrderId());
  }

  @Transactional
  public void cancelDowngrade(UUID accountId) {
    memberships
        .findLive(accountId)
        .ifPresent(
            m -> {
              m.cancelDowngrade(clock.instant());
              memberships.saveAndFlush(m);
            });
  }

  static MembershipView view(Membership m, Tier tier) {
    return new MembershipView(
        m.id(),
        m.accountId(),
        tier.slug(),
        tier.rank(),
        m.status(),
        m.billing(),
        m.startedAt(),
        m.currentPeriodEnd(),
        m.graceUntil(),
        m.cancelAtPeriodEnd(),
        m.endedAt());
  }
}
