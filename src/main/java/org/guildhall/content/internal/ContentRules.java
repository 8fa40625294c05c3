package org.guildhall.content.internal;

import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentKind;
import org.guildhall.membership.AccessRule;

/**
 * How an item's access settings become the access policy's rule. Public items are open; member
 * items need a tier of at least {@code minTierRank}; sold items need a purchase of the item, or a
 * tier of at least {@code minTierRank} when that is above 0 (the item is included in that tier).
 * The author always may.
 */
final class ContentRules {

  private ContentRules() {}

  static ItemRef ref(ContentKind kind, UUID id) {
    return new ItemRef(kind.itemKind(), id.toString());
  }

  static AccessRule rule(
      ContentKind kind, UUID id, ContentAccess access, int minTierRank, UUID authorId) {
    AccessRule rule =
        switch (access) {
          case PUBLIC -> AccessRule.everyone();
          case MEMBERS -> AccessRule.members(minTierRank);
          case PURCHASE -> AccessRule.purchase(ref(kind, id), minTierRank);
        };
    return rule.withAuthor(authorId);
  }
}
