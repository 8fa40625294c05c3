package org.guildhall.membership;

import java.util.UUID;
import org.guildhall.commerce.ItemRef;

/**
 * Who may see an item, as the module that owns the item states it.
 *
 * @param item the item, when it can be bought by itself (null otherwise)
 * @param audience everyone, members of a tier, or buyers
 * @param minTierRank for {@code MEMBERS}: the lowest tier rank that may see it; for {@code
 *     PURCHASE}: the lowest tier rank that has it included (0: none)
 * @param preview true for the free part of an item (a preview lesson, an article's opening)
 * @param authorId the author, who always may
 */
public record AccessRule(
    ItemRef item, Audience audience, int minTierRank, boolean preview, UUID authorId) {

  public enum Audience {
    PUBLIC,
    MEMBERS,
    PURCHASE
  }

  public static AccessRule everyone() {
    return new AccessRule(null, Audience.PUBLIC, 0, false, null);
  }

  public static AccessRule members(int minTierRank) {
    return new AccessRule(null, Audience.MEMBERS, minTierRank, false, null);
  }

  public static AccessRule purchase(ItemRef item, int includedFromRank) {
    return new AccessRule(item, Audience.PURCHASE, includedFromRank, false, null);
  }

  public AccessRule withPreview(boolean preview) {
    return new AccessRule(item, audience, minTierRank, preview, authorId);
  }

  public AccessRule withAuthor(UUID authorId) {
    return new AccessRule(item, audience, minTierRank, preview, authorId);
  }
}
