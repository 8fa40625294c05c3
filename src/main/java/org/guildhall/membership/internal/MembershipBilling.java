package org.guildhall.membership.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.CommerceEvents.OrderPaid;
import org.guildhall.commerce.CommerceEvents.OrderRefunded;
import org.guildhall.commerce.CommerceEvents.SubscriptionLinked;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.MembershipEvents.MembershipExpired;
import org.guildhall.membership.MembershipEvents.MembershipPaid;
import org.guildhall.membership.MembershipStatus;
import org.guildhall.membership.internal.GrantStore.Grant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What payments and refunds do to memberships and bought items. Each listener runs after the
 * commerce transaction committed, in its own transaction, and is idempotent through the grant
 * tables' primary key (the order id). Two payments of one member landing at once race on the
 * one-live-membership index or the row version; the loser tries again and extends what the winner
 * made, so no payment is lost and no second membership appears.
 */
@Component
public class MembershipBilling {

  private static final Logger log = LoggerFactory.getLogger(MembershipBilling.class);
  static final String KIND = "membership";
  private static final int ATTEMPTS = 5;

  private final MembershipRepository memberships;
  private final TierRepository tiers;
  private final GrantStore grants;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  MembershipBilling(
      MembershipRepository memberships,
      TierRepository tiers,
      GrantStore grants,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.memberships = memberships;
    this.tiers = tiers;
    this.grants = grants;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Async
  @TransactionalEventListener
  public void on(OrderPaid paid) {
    retrying("grant " + paid.orderId(), () -> grant(paid));
  }

  @Async
  @TransactionalEventListener
  public void on(OrderRefunded refunded) {
    if (refunded.fulfilled()) {
      retrying("refund " + refunded.orderId(), () -> takeBack(refunded));
    }
  }

  @Async
  @TransactionalEventListener
  public void on(SubscriptionLinked linked) {
    retrying(
        "subscription " + linked.orderId(),
        () -> {
          grants.lockRefunds(linked.orderId());
          grants.recordSubscription(linked.orderId(), linked.subscriptionRef());
          grants
              .find(linked.orderId())
              .flatMap(g -> memberships.findById(g.membershipId()))
              .ifPresent(
                  m -> {
                    m.linkSubscription(linked.subscriptionRef(), linked.orderId());
                    memberships.saveAndFlush(m);
                  });
        });
  }

  private void retrying(String what, Runnable work) {
    for (int attempt = 1; ; attempt++) {
      try {
        tx.executeWithoutResult(status -> work.run());
        return;
      } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
        if (attempt >= ATTEMPTS) {
          throw raced; // the event stays incomplete in the registry and is republished
        }
        log.debug("Retrying {} after a concurrent change: {}", what, raced.getMessage());
      }
    }
  }

  /**
   * Applies a paid order: a membership period, or an item bought by itself. Once per order; a
   * refund heard before (the listeners are asynchronous) is applied right after.
   */
  void grant(OrderPaid paid) {
    Instant now = clock.instant();
    GrantStore.Heard heard = grants.lockRefunds(paid.orderId());
    if (!KIND.equals(paid.item().kind())) {
      if (grants.entitle(paid.orderId(), paid.buyerId(), paid.item(), now)) {
        applyRefunds(paid.orderId(), paid.item(), heard);
      }
      return;
    }
    if (grants.exists(paid.orderId())) {
      return;
    }
    Plan plan = Plan.parse(paid.item().key()).orElseThrow();
    Tier tier = tiers.findBySlug(plan.slug()).orElseThrow();
    int months = plan.billing().months();
    Optional<Membership> live = memberships.findLive(paid.buyerId());
    Membership membership;
    String kind;
    Instant start;
    Instant end;
    if (live.isEmpty()) {
      kind = "NEW";
      start = now;
      end = months == 0 ? null : plusMonths(start, months);
      membership = Membership.paid(paid.buyerId(), tier.id(), plan.billing(), start, end, now);
    } else {
      membership = live.get();
      Tier current = tiers.findById(membership.tierId()).orElseThrow();
      if (membership.status() == MembershipStatus.TRIALING) {
        kind = "CONVERSION";
        start = now;
      } else if (current.id().equals(tier.id())) {
        kind = "RENEWAL";
        Instant end0 = membership.currentPeriodEnd();
        start = end0 != null && end0.isAfter(now) ? end0 : now;
      } else {
        kind = tier.rank() > current.rank() ? "UPGRADE" : "NEW";
        start = now;
      }
      end = months == 0 ? null : plusMonths(start, months);
      if (membership.currentPeriodEnd() == null
          && membership.status() != MembershipStatus.TRIALING
          && "RENEWAL".equals(kind)) {
        end = null; // already lifetime
      }
      membership.paidUntil(tier.id(), plan.billing(), end, "RENEWAL".equals(kind), now);
    }
    String subscription =
        paid.subscriptionRef() != null ? paid.subscriptionRef() : heard.subscriptionRef();
    if (subscription != null) {
      membership.linkSubscription(
          subscription, paid.renewalOf() != null ? paid.renewalOf() : paid.orderId());
    }
    memberships.saveAndFlush(membership);
    grants.insert(
        new Grant(
            paid.orderId(),
            membership.id(),
            paid.buyerId(),
            tier.id(),
            plan.billing(),
            kind,
            start,
            end,
            paid.total(),
            now,
            0,
            null));
    events.publishEvent(
        new MembershipPaid(
            membership.id(), paid.buyerId(), tier.slug(), kind, end, paid.orderId(), now));
    applyRefunds(paid.orderId(), paid.item(), heard);
  }

  /** Records a refund of a granted order and takes back what it calls for. */
  void takeBack(OrderRefunded refunded) {
    GrantStore.Heard heard =
        grants
            .lockRefunds(refunded.orderId())
            .withRefunds(refunded.refundedTotal().minor(), refunded.total().minor());
    grants.recordRefunds(refunded.orderId(), heard);
    applyRefunds(refunded.orderId(), refunded.item(), heard);
  }

  /**
   * Takes back what a refunded order granted, as far as its refunds so far call for: for a full
   * refund the whole period it paid for, for a partial refund the same share of that period
   * (rounded down to the second); a membership with no time left ends at once. An item bought by
   * itself is revoked by a full refund. Runs under the order's refund lock.
   */
  private void applyRefunds(
      UUID orderId, org.guildhall.commerce.ItemRef item, GrantStore.Heard heard) {
    if (!heard.refunded()) {
      return;
    }
    long refundedMinor = heard.refundedMinor();
    long totalMinor = heard.totalMinor();
    boolean full = heard.fullyRefunded();
    Instant now = clock.instant();
    if (!KIND.equals(item.kind())) {
      if (full) {
        grants.revokeEntitlement(orderId, now);
      }
      return;
    }
    Grant grant = grants.find(orderId).orElse(null);
    if (grant == null) {
      return; // not granted yet: the grant applies this when it comes
    }
    Membership membership = memberships.findById(grant.membershipId()).orElseThrow();
    MembershipStatus before = membership.status();
    boolean ended;
    if (grant.seconds() == 0) {
      if (!full || grant.revokedAt() != null) {
        return; // a lifetime plan is taken back only by a full refund
      }
      grants.revoke(grant.orderId(), 0, 0, now);
      ended = membership.shorten(Duration.ZERO, now);
    } else {
      long target =
          full
              ? grant.seconds()
              : Math.floorDiv(Math.multiplyExact(grant.seconds(), refundedMinor), totalMinor);
      long delta = target - grant.revokedSeconds();
      if (delta <= 0 || !grants.revoke(grant.orderId(), grant.revokedSeconds(), target, now)) {
        return;
      }
      ended = membership.shorten(Duration.ofSeconds(delta), now);
    }
    memberships.saveAndFlush(membership);
    if (ended) {
      String slug = tiers.findById(membership.tierId()).map(Tier::slug).orElse("");
      events.publishEvent(
          new MembershipExpired(membership.id(), membership.accountId(), slug, before, now));
    }
  }

  static Instant plusMonths(Instant at, int months) {
    return at.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
  }

  /** A membership plan's item key: {@code <tier slug>:<BILLING PERIOD>}. */
  record Plan(String slug, BillingPeriod billing) {

    static Optional<Plan> parse(String key) {
      int colon = key.lastIndexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new Plan(key.substring(0, colon), BillingPeriod.valueOf(key.substring(colon + 1))));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    String key() {
      return slug + ":" + billing.name();
    }
  }
}
