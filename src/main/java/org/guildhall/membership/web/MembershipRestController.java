package org.guildhall.membership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.MembershipDetails;
import org.guildhall.membership.MembershipView;
import org.guildhall.membership.TierView;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tiers, prices and the caller's membership over JSON. Buying a plan goes through checkout. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Membership", description = "Tiers, prices, trials and the member's membership")
class MembershipRestController {

  private final MembershipApi membership;

  MembershipRestController(MembershipApi membership) {
    this.membership = membership;
  }

  record Price(long minor, String currency, String item) {}

  record Tier(
      String slug,
      int rank,
      String name,
      String description,
      List<String> benefits,
      int trialDays,
      Map<BillingPeriod, Price> prices,
      Long yearlySavingMinor) {
    static Tier of(TierView t) {
      return new Tier(
          t.slug(),
          t.rank(),
          t.name(),
          t.description(),
          t.benefits(),
          t.trialDays(),
          t.prices().entrySet().stream()
              .collect(
                  Collectors.toMap(
                      Map.Entry::getKey,
                      e ->
                          new Price(
                              e.getValue().minor(),
                              e.getValue().currency().getCurrencyCode(),
                              "membership/" + t.slug() + ":" + e.getKey().name()))),
          t.yearlySaving().map(m -> m.minor()).orElse(null));
    }
  }

  record Membership(
      String tier,
      String status,
      BillingPeriod billing,
      String startedAt,
      String currentPeriodEnd,
      String graceUntil,
      boolean cancelAtPeriodEnd,
      boolean autoRenews,
      String pendingTier,
      BillingPeriod pendingBilling) {}

  record MembershipJson(
      Membership membership,
      boolean trialAvailable,
      List<MembershipDetails.HistoryEntry> history) {}

  record TrialRequest(String tier) {}

  record CancelRequest(String reason, String comment) {}

  record DowngradeRequest(String tier, BillingPeriod billing) {}

  @GetMapping("/tiers")
  @Operation(
      summary = "The offered tiers with their prices; each price names the item to check out")
  List<Tier> tiers(Locale locale) {
    return membership.tiers(locale).stream().map(Tier::of).toList();
  }

  @GetMapping("/membership")
  @Operation(summary = "The caller's membership, trial eligibility and payment history")
  MembershipJson mine(@AuthenticationPrincipal AuthenticatedAccount me, Locale locale) {
    MembershipDetails d = membership.details(me.accountId(), locale);
    MembershipView m = d.membership();
    Membership json =
        m == null
            ? null
            : new Membership(
                m.tierSlug(),
                m.status().name(),
                m.billing(),
                text(m.startedAt()),
                text(m.currentPeriodEnd()),
                text(m.graceUntil()),
                m.cancelAtPeriodEnd(),
                d.autoRenews(),
                d.pendingTier() == null ? null : d.pendingTier().slug(),
                d.pendingBilling());
    return new MembershipJson(json, d.trialAvailable(), d.history());
  }

  @PostMapping("/membership/trial")
  @Operation(summary = "Start a tier's free trial (once per person)")
  MembershipJson trial(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestBody TrialRequest body,
      Locale locale) {
    membership.startTrial(me.accountId(), body == null ? "" : body.tier());
    return mine(me, locale);
  }

  @PostMapping("/membership/cancel")
  @Operation(
      summary = "Cancel at the period end",
      description = "reason: too-expensive, not-using, missing-content, technical or other")
  MembershipJson cancel(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestBody CancelRequest body,
      Locale locale) {
    membership.cancel(
        me.accountId(), body == null ? null : body.reason(), body == null ? null : body.comment());
    return mine(me, locale);
  }

  @PostMapping("/membership/resume")
  @Operation(summary = "Take back a cancellation while the period runs")
  MembershipJson resume(@AuthenticationPrincipal AuthenticatedAccount me, Locale locale) {
    membership.resume(me.accountId());
    return mine(me, locale);
  }

  @PostMapping("/membership/downgrade")
  @Operation(summary = "Switch to a lower tier's plan at the period end")
  MembershipJson downgrade(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestBody DowngradeRequest body,
      Locale locale) {
    if (body == null) {
      throw DomainException.invalidField("tier", "membership.downgrade.tier");
    }
    membership.downgrade(me.accountId(), body.tier() == null ? "" : body.tier(), body.billing());
    return mine(me, locale);
  }

  private static String text(java.time.Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
