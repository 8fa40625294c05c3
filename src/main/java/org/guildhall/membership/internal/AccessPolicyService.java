package org.guildhall.membership.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.Quote;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.membership.AccessDecision;
import org.guildhall.membership.AccessDecision.Reason;
import org.guildhall.membership.AccessDecision.WayIn;
import org.guildhall.membership.AccessRule;
import org.guildhall.membership.AccessRule.Audience;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.MembershipStatus;
import org.guildhall.membership.Reader;
import org.guildhall.membership.TierView;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one access policy. In order: public items are free; the author and staff (owner, moderator)
 * always may; a preview is open; a live membership of a high enough tier (a trial counts, and says
 * so); a purchase of the item. Otherwise the answer lists the ways in, cheapest first: a free trial
 * the person can still start, each tier that would do at its cheapest plan, buying the item (at the
 * price checkout would charge this person), joining a group buy.
 */
@Component
public class AccessPolicyService {

  private final IdentityApi identity;
  private final MembershipRepository memberships;
  private final TierCatalog tiers;
  private final GrantStore grants;
  private final CommerceApi commerce;
  private final MessageSource messages;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  AccessPolicyService(
      IdentityApi identity,
      MembershipRepository memberships,
      TierCatalog tiers,
      GrantStore grants,
      CommerceApi commerce,
      MessageSource messages,
      org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.memberships = memberships;
    this.tiers = tiers;
    this.grants = grants;
    this.commerce = commerce;
    this.messages = messages;
  }

  @Transactional(readOnly = true)
  public AccessDecision decide(UUID viewerId, AccessRule rule, Locale locale) {
    if (rule.audience() == Audience.PUBLIC) {
      return AccessDecision.allow(Reason.FREE);
    }
    Reader reader = reader(viewerId);
    Reason reason = reader.reason(rule);
    if (reason != Reason.NONE) {
      return AccessDecision.allow(reason);
    }
    Optional<Membership> live =
        viewerId == null ? Optional.empty() : memberships.findLive(viewerId);
    return new AccessDecision(false, Reason.NONE, waysIn(viewerId, live, rule, locale));
  }

  /** What the policy knows about a person (a visitor for null), in three small reads. */
  @Transactional(readOnly = true)
  public Reader reader(UUID viewerId) {
    if (viewerId == null) {
      return Reader.VISITOR;
    }
    Set<Role> roles = identity.roles(new AccountId(viewerId));
    boolean staff = roles.contains(Role.OWNER) || roles.contains(Role.MODERATOR);
    LiveTier live = liveTier(viewerId);
    int rank = live == null ? -1 : live.rank();
    int early = live == null ? 0 : live.earlyAccessDays();
    boolean trialing = live != null && live.status() == MembershipStatus.TRIALING;
    return new Reader(viewerId, rank, trialing, staff, grants.entitlements(viewerId), early);
  }

  /** The live membership's tier rank, early-access days and status, in one statement. */
  private record LiveTier(int rank, int earlyAccessDays, MembershipStatus status) {}

  private LiveTier liveTier(UUID accountId) {
    return jdbc.sql(
            "SELECT t.rank, t.early_access_days, m.status FROM membership m JOIN tier t ON t.id ="
                + " m.tier_id WHERE m.live_account_id = ?")
        .param(accountId)
        .query(
            (rs, n) ->
                new LiveTier(rs.getInt(1), rs.getInt(2), MembershipStatus.valueOf(rs.getString(3))))
        .optional()
        .orElse(null);
  }

  private List<WayIn> waysIn(
      UUID viewerId, Optional<Membership> live, AccessRule rule, Locale locale) {
    List<WayIn> ways = new ArrayList<>();
    boolean tierCounts = rule.audience() == Audience.MEMBERS || rule.minTierRank() > 0;
    if (tierCounts) {
      boolean trialOpen =
          live.isEmpty() && (viewerId == null || memberships.countTrials(viewerId) == 0);
      for (TierView tier : tiers.active(locale)) {
        if (tier.rank() < rule.minTierRank() || tier.isFree()) {
          continue;
        }
        if (trialOpen && tier.trialDays() > 0) {
          ways.add(
              new WayIn(
                  WayIn.Kind.TRIAL,
                  msg(locale, "access.way.trial", tier.trialDays(), tier.name()),
                  zero(tier),
                  null,
                  tier.slug(),
                  0,
                  "/membership/trial"));
        }
        cheapest(tier)
            .ifPresent(
                e ->
                    ways.add(
                        new WayIn(
                            WayIn.Kind.TIER,
                            msg(
                                locale,
                                "access.way.tier",
                                tier.name(),
                                msg(locale, "billing." + e.getKey().name())),
                            quoted(MembershipPlans.ref(tier.slug(), e.getKey()), viewerId, locale)
                                .orElse(e.getValue()),
                            e.getKey(),
                            tier.slug(),
                            0,
                            "/checkout?item=" + MembershipPlans.ref(tier.slug(), e.getKey()))));
      }
    }
    if (rule.audience() == Audience.PURCHASE && rule.item() != null) {
      quoted(rule.item(), viewerId, locale)
          .ifPresent(
              price ->
                  ways.add(
                      new WayIn(
                          WayIn.Kind.BUY,
                          msg(locale, "access.way.buy"),
                          price,
                          null,
                          null,
                          0,
                          "/checkout?item=" + rule.item())));
      commerce
          .groupDeal(rule.item())
          .ifPresent(
              deal ->
                  ways.add(
                      new WayIn(
                          WayIn.Kind.GROUP,
                          msg(locale, "access.way.group", deal.size()),
                          deal.groupPrice(),
                          null,
                          null,
                          deal.size(),
                          "/checkout?item=" + rule.item() + "&deal=" + deal.id())));
    }
    ways.sort(Comparator.comparingLong(w -> w.price().minor()));
    return ways;
  }

  /** The plan with the lowest price (per payment) of a tier. */
  private static Optional<Map.Entry<BillingPeriod, Money>> cheapest(TierView tier) {
    return tier.prices().entrySet().stream()
        .filter(e -> e.getValue().minor() > 0)
        .min(Comparator.comparingLong(e -> e.getValue().minor()));
  }

  private Optional<Money> quoted(ItemRef item, UUID viewerId, Locale locale) {
    try {
      Quote quote = commerce.quote(item, viewerId, null, null, null, locale);
      return Optional.of(quote.total());
    } catch (DomainException notForSale) {
      return Optional.empty();
    }
  }

  private static Money zero(TierView tier) {
    return tier.prices().values().stream()
        .findFirst()
        .map(m -> Money.zero(m.currency()))
        .orElse(Money.of(0, "CNY"));
  }

  private String msg(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
