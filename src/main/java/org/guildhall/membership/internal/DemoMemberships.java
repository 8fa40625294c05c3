package org.guildhall.membership.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.platform.demo.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's paying members: the premium demo member holds yearly Premium and the basic one yearly
 * Basic, each through a real order (complimentary: a single-use 100 % demo coupon), so the
 * membership page, the order history and the receipts have something true to show. Runs once, when
 * the demo is enabled and those members have no membership yet.
 */
@Component
class DemoMemberships {

  private static final Logger log = LoggerFactory.getLogger(DemoMemberships.class);
  private static final Map<String, String> PLANS =
      Map.of("premium@guildhall.demo", "premium", "basic@guildhall.demo", "basic");

  private final DemoMode demo;
  private final IdentityApi identity;
  private final CommerceApi commerce;
  private final MembershipRepository memberships;
  private final Clock clock;
  private final String baseUrl;

  DemoMemberships(
      DemoMode demo,
      IdentityApi identity,
      CommerceApi commerce,
      MembershipRepository memberships,
      Clock clock,
      @Value("${guildhall.base-url:http://localhost:8080}") String baseUrl) {
    this.demo = demo;
    this.identity = identity;
    this.commerce = commerce;
    this.memberships = memberships;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  @EventListener(ApplicationStartedEvent.class)
  void seed() {
    if (!demo.enabled()) {
      return;
    }
    PLANS.forEach(
        (email, tier) ->
            identity.search(email, null, null, 1).items().stream()
                .filter(a -> a.email().equals(email))
                .findFirst()
                .filter(a -> memberships.findLive(a.id().value()).isEmpty())
                .filter(a -> commerce.ordersOf(a.id().value(), null, 1).items().isEmpty())
                .ifPresent(a -> give(a, tier)));
  }

  private void give(AccountSummary account, String tier) {
    String coupon =
        commerce.issueCoupon(
            "DEMO", 100, MembershipBilling.KIND, clock.instant().plus(Duration.ofHours(1)));
    commerce.checkout(
        new CheckoutRequest(
            account.id().value(),
            account.email(),
            MembershipPlans.ref(tier, BillingPeriod.YEARLY),
            coupon,
            null,
            null,
            "demo-membership-" + tier,
            Locale.forLanguageTag(account.language() == null ? "zh-CN" : account.language()),
            baseUrl));
    log.info("Demo: {} holds yearly {} (complimentary)", account.email(), tier);
  }
}
