package org.guildhall.commerce;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Buyer-specific price changes that do not belong to one catalog, e.g. the member price a tier
 * gives on every course. Checkout applies every adjuster's lines after the catalog's own
 * adjustments and before offers and coupons.
 */
public interface PriceAdjuster {

  /** Reductions (negative amounts) for this buyer on this item; empty for none. */
  List<Purchasable.Adjustment> adjust(Purchasable item, UUID buyerId, Locale locale);
}
