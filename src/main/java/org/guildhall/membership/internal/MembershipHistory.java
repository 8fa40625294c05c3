package org.guildhall.membership.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guildhall.membership.MembershipDetails;
import org.guildhall.membership.MembershipDetails.HistoryEntry;
import org.guildhall.membership.MembershipView;
import org.guildhall.membership.TierView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the member's membership page: the live membership, its tier, and the last payments. */
@Component
public class MembershipHistory {

  private final MembershipService memberships;
  private final TierCatalog catalog;
  private final TierRepository tiers;
  private final GrantStore grants;

  MembershipHistory(
      MembershipService memberships, TierCatalog catalog, TierRepository tiers, GrantStore grants) {
    this.memberships = memberships;
    this.catalog = catalog;
    this.tiers = tiers;
    this.grants = grants;
  }

  @Transactional(readOnly = true)
  public MembershipDetails details(UUID accountId, Locale locale) {
    Map<String, TierView> bySlug =
        catalog.active(locale).stream()
            .collect(Collectors.toMap(TierView::slug, Function.identity()));
    Optional<MembershipView> live = memberships.live(accountId);
    TierView tier = live.map(m -> tierView(m.tierSlug(), bySlug, locale)).orElse(null);
    var pending = memberships.pendingDowngrade(accountId);
    TierView pendingTier = pending.map(e -> e.getKey().view(locale)).orElse(null);
    boolean autoRenews =
        live.isPresent()
            && !live.get().cancelAtPeriodEnd()
            && memberships.subscriptionRef(accountId).isPresent();
    Map<UUID, String> names =
        tiers.findAll().stream().collect(Collectors.toMap(Tier::id, t -> t.view(locale).name()));
    List<HistoryEntry> history =
        grants.ofAccount(accountId, 50).stream()
            .map(
                g ->
                    new HistoryEntry(
                        g.orderId(),
                        names.getOrDefault(g.tierId(), ""),
                        g.billing(),
                        g.kind(),
                        g.periodStart(),
                        g.periodEnd(),
                        g.amount(),
                        g.grantedAt(),
                        g.revokedAt() != null))
            .toList();
    return new MembershipDetails(
        live.orElse(null),
        tier,
        pendingTier,
        pending.map(Map.Entry::getValue).orElse(null),
        autoRenews,
        live.isEmpty() && !memberships.hadTrial(accountId),
        history);
  }

  private TierView tierView(String slug, Map<String, TierView> active, Locale locale) {
    TierView view = active.get(slug);
    return view != null ? view : tiers.findBySlug(slug).map(t -> t.view(locale)).orElse(null);
  }
}
