package org.guildhall.commerce;

import java.util.List;
import org.guildhall.shared.Money;

/**
 * An item as its catalog prices it for one buyer.
 *
 * @param ref the item
 * @param title what the order and receipt call it, in the buyer's language
 * @param listPrice the catalogue price
 * @param adjustments buyer-specific changes before offers and coupons, each a negative amount: a
 *     member price, a loyalty price, a pro-rated credit for what an upgrade replaces
 * @param recurringMonths billing interval for a subscription (0: a one-off payment)
 * @param returnPath where the buyer lands after paying, e.g. {@code /membership}
 */
public record Purchasable(
    ItemRef ref,
    String title,
    Money listPrice,
    List<Adjustment> adjustments,
    int recurringMonths,
    String returnPath) {

  public Purchasable {
    adjustments = List.copyOf(adjustments);
  }

  /** A named change to the price; {@code amount} is negative for a reduction. */
  public record Adjustment(String kind, String label, Money amount) {}
}
