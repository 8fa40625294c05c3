package org.guildhall.membership.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guildhall.membership.MembershipDetails;
import org.guildhall.membership.MembershipDetails.HistoryEntry;
import org.guildhall.membership.TierView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the member's membership page: the live membership, its tier, and the last payments. */
@Component
public class MembershipHistory {

  private final MembershipRepository memberships;
  private final TierRepository tiers;
  private final GrantStore grants;

  MembershipHistory(MembershipRepository memberships, TierRepository tiers, GrantStore grants) {
    this.memberships = memberships;
    this.tiers = tiers;
    this.grants = grants;
  }

  @Transactional(readOnly = true)
  public MembershipDetails details(UUID accountId, Locale locale) {
    // one read of the membership and one of the tiers serve the whole page
    Map<UUID, Tier> all = tiers.findAll().stream().collect(Collectors.toMap(Tier::id, t -> t));
    Map<UUID, TierView> tierViews = new java.util.HashMap<>();
    all.forEach((id, t) -> tierViews.put(id, t.view(locale)));
    Membership m = memberships.findLive(accountId).orElse(null);
    boolean autoRenews = m != null && !m.cancelAtPeriodEnd() && m.subscriptionRef() != null;
    List<HistoryEntry> history =
        grants.ofAccount(accountId, 50).stream()
            .map(
                g ->
                    new HistoryEntry(
                        g.orderId(),
                        tierViews.containsKey(g.tierId()) ? tierViews.get(g.tierId()).name() : "",
                        g.billing(),
                        g.kind(),
                        g.periodStart(),
                        g.periodEnd(),
                        g.amount(),
                        g.grantedAt(),
                        g.revokedAt() != null))
            .toList();
    return new MembershipDetails(
        m == null ? null : MembershipService.view(m, all.get(m.tierId())),
        m == null ? null : tierViews.get(m.tierId()),
        m == null || m.pendingTierId() == null ? null : tierViews.get(m.pendingTierId()),
        m == null ? null : m.pendingBilling(),
        autoRenews,
        m == null && memberships.countTrials(accountId) == 0,
        history);
  }
}
