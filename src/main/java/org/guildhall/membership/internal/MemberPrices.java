package org.guildhall.membership.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guildhall.commerce.PriceAdjuster;
import org.guildhall.commerce.Purchasable;
import org.guildhall.membership.MembershipStatus;
import org.guildhall.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The member price: a paying member (active, past due, or cancelled to the period end — not a
 * trial) pays their tier's member discount less for items bought by themselves. Plans and gift
 * codes are priced by their own rules.
 */
@Component
class MemberPrices implements PriceAdjuster {

  private final MembershipRepository memberships;
  private final TierRepository tiers;
  private final MessageSource messages;

  MemberPrices(MembershipRepository memberships, TierRepository tiers, MessageSource messages) {
    this.memberships = memberships;
    this.tiers = tiers;
    this.messages = messages;
  }

  @Override
  public List<Purchasable.Adjustment> adjust(Purchasable item, UUID buyerId, Locale locale) {
    String kind = item.ref().kind();
    if (MembershipBilling.KIND.equals(kind) || GiftCodes.KIND.equals(kind)) {
      return List.of();
    }
    return memberships
        .findLive(buyerId)
        .filter(m -> m.status() != MembershipStatus.TRIALING)
        .flatMap(m -> tiers.findById(m.tierId()))
        .filter(t -> t.memberDiscountPercent() > 0)
        .map(
            t -> {
              long off =
                  Math.floorDiv(
                      Math.multiplyExact(item.listPrice().minor(), t.memberDiscountPercent()), 100);
              return List.of(
                  new Purchasable.Adjustment(
                      "MEMBER_PRICE",
                      messages.getMessage(
                          "membership.adjustment.member-price",
                          new Object[] {t.view(locale).name(), t.memberDiscountPercent()},
                          locale),
                      new Money(-off, item.listPrice().currency())));
            })
        .orElse(List.of());
  }
}
