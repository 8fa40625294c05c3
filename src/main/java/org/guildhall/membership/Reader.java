package org.guildhall.membership;

import java.util.Set;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.membership.AccessDecision.Reason;
import org.guildhall.membership.AccessRule.Audience;

/**
 * What the access policy knows about one person, read once per request: their live tier's rank,
 * whether it is a trial, whether they are staff, and the items they bought. Lists (catalogs, search
 * hits, a course's lessons) decide many items with it without a query each; a single item's page
 * asks {@link MembershipApi#access}, which decides the same way and adds the ways in.
 *
 * @param id the person, or null for a visitor
 * @param tierRank the live membership's tier rank, or -1 without one
 * @param trialing the live membership is a trial
 * @param staff owner or moderator: may read everything
 * @param owned items bought one by one and not refunded
 * @param earlyAccessDays how many days before everyone the live tier sees new content
 */
public record Reader(
    UUID id,
    int tierRank,
    boolean trialing,
    boolean staff,
    Set<ItemRef> owned,
    int earlyAccessDays) {

  public static final Reader VISITOR = new Reader(null, -1, false, false, Set.of(), 0);

  public Reader {
    owned = Set.copyOf(owned);
  }

  public boolean signedIn() {
    return id != null;
  }

  public boolean mayRead(AccessRule rule) {
    return reason(rule) != Reason.NONE;
  }

  /** Why this person may read what the rule guards, or {@link Reason#NONE}. */
  public Reason reason(AccessRule rule) {
    if (rule.audience() == Audience.PUBLIC) {
      return Reason.FREE;
    }
    if (id != null && id.equals(rule.authorId())) {
      return Reason.AUTHOR;
    }
    if (staff) {
      return Reason.STAFF;
    }
    if (rule.preview()) {
      return Reason.PREVIEW;
    }
    boolean tierCounts = rule.audience() == Audience.MEMBERS || rule.minTierRank() > 0;
    if (tierCounts && tierRank >= 0 && tierRank >= rule.minTierRank()) {
      return trialing ? Reason.TRIAL : Reason.TIER;
    }
    if (rule.audience() == Audience.PURCHASE
        && rule.item() != null
        && owned.contains(rule.item())) {
      return Reason.PURCHASE;
    }
    return Reason.NONE;
  }
}
