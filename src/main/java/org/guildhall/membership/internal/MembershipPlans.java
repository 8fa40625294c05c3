package org.guildhall.membership.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.Purchasable;
import org.guildhall.commerce.PurchasableCatalog;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.MembershipStatus;
import org.guildhall.membership.TierView;
import org.guildhall.membership.internal.GrantStore.Grant;
import org.guildhall.membership.internal.MembershipBilling.Plan;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Membership plans as purchasable items ({@code membership/premium:YEARLY}), priced for the buyer:
 * an upgrade is credited with the unused part of what the current plan's last payment bought (pro
 * rata to the second), and a member who renewed the same tier {@code
 * guildhall.membership.loyalty.after-renewals} times in a row gets the loyalty price.
 */
@Component
class MembershipPlans implements PurchasableCatalog {

  private final TierCatalog catalog;
  private final TierRepository tiers;
  private final MembershipRepository memberships;
  private final GrantStore grants;
  private final MessageSource messages;
  private final Clock clock;
  private final int loyaltyAfter;
  private final int loyaltyPercent;

  MembershipPlans(
      TierCatalog catalog,
      TierRepository tiers,
      MembershipRepository memberships,
      GrantStore grants,
      MessageSource messages,
      Clock clock,
      @Value("${guildhall.membership.loyalty.after-renewals:3}") int loyaltyAfter,
      @Value("${guildhall.membership.loyalty.percent:10}") int loyaltyPercent) {
    this.catalog = catalog;
    this.tiers = tiers;
    this.memberships = memberships;
    this.grants = grants;
    this.messages = messages;
    this.clock = clock;
    this.loyaltyAfter = loyaltyAfter;
    this.loyaltyPercent = loyaltyPercent;
  }

  @Override
  public String kind() {
    return MembershipBilling.KIND;
  }

  static ItemRef ref(String slug, BillingPeriod billing) {
    return new ItemRef(MembershipBilling.KIND, new Plan(slug, billing).key());
  }

  @Override
  public Optional<Purchasable> find(String key, UUID buyerId, Locale locale) {
    Optional<Plan> plan = Plan.parse(key);
    if (plan.isEmpty()) {
      return Optional.empty();
    }
    Optional<TierView> tier =
        catalog.active(locale).stream().filter(t -> t.slug().equals(plan.get().slug())).findFirst();
    Optional<Money> price = tier.flatMap(t -> t.price(plan.get().billing()));
    if (price.isEmpty() || price.get().minor() <= 0) {
      return Optional.empty();
    }
    Money list = price.get();
    List<Purchasable.Adjustment> adjustments = new ArrayList<>();
    if (buyerId != null) {
      memberships
          .findLive(buyerId)
          .ifPresent(
              live -> adjust(live, tier.get(), plan.get().billing(), list, locale, adjustments));
    }
    String title =
        messages.getMessage(
            "membership.plan.title",
            new Object[] {
              tier.get().name(),
              messages.getMessage("billing." + plan.get().billing().name(), null, locale)
            },
            locale);
    return Optional.of(
        new Purchasable(
            new ItemRef(kind(), key),
            title,
            list,
            adjustments,
            plan.get().billing().months(),
            "/membership"));
  }

  private void adjust(
      Membership live,
      TierView target,
      BillingPeriod billing,
      Money list,
      Locale locale,
      List<Purchasable.Adjustment> adjustments) {
    if (live.status() == MembershipStatus.TRIALING) {
      return;
    }
    Tier current = tiers.findById(live.tierId()).orElse(null);
    if (current == null) {
      return;
    }
    Instant now = clock.instant();
    if (target.rank() > current.rank()) {
      Optional<Grant> running = grants.running(live.id(), now);
      if (running.isPresent() && running.get().amount().currency().equals(list.currency())) {
        Grant g = running.get();
        long credit;
        if (g.seconds() == 0) {
          credit = billing == BillingPeriod.LIFETIME ? g.amount().minor() : 0;
        } else {
          long remaining = g.periodEnd().getEpochSecond() - now.getEpochSecond();
          credit = Math.floorDiv(Math.multiplyExact(g.amount().minor(), remaining), g.seconds());
        }
        credit = Math.min(credit, list.minor());
        if (credit > 0) {
          adjustments.add(
              new Purchasable.Adjustment(
                  "UPGRADE_CREDIT",
                  messages.getMessage(
                      "membership.adjustment.upgrade-credit",
                      new Object[] {current.view(locale).name()},
                      locale),
                  new Money(-credit, list.currency())));
        }
      }
    } else if (target.id().equals(current.id())
        && live.renewals() >= loyaltyAfter
        && loyaltyPercent > 0) {
      long off = Math.floorDiv(Math.multiplyExact(list.minor(), loyaltyPercent), 100);
      if (off > 0) {
        adjustments.add(
            new Purchasable.Adjustment(
                "LOYALTY",
                messages.getMessage(
                    "membership.adjustment.loyalty",
                    new Object[] {loyaltyPercent, live.renewals()},
                    locale),
                new Money(-off, list.currency())));
      }
    }
  }

  @Override
  public void checkBuyable(String key, UUID buyerId) {
    Plan plan = Plan.parse(key).orElseThrow(() -> DomainException.notFound("item-not-found"));
    Tier tier =
        tiers
            .findBySlugAndActiveTrue(plan.slug())
            .orElseThrow(() -> DomainException.notFound("item-not-found"));
    Optional<Membership> live = memberships.findLive(buyerId);
    if (live.isEmpty() || live.get().status() == MembershipStatus.TRIALING) {
      return;
    }
    Tier current = tiers.findById(live.get().tierId()).orElseThrow();
    if (current.rank() > tier.rank()) {
      throw DomainException.conflict("membership.downgrade-at-period-end");
    }
    if (live.get().currentPeriodEnd() == null && current.rank() >= tier.rank()) {
      throw DomainException.conflict("membership.already-lifetime");
    }
  }
}
