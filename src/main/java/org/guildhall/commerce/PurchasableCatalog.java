package org.guildhall.commerce;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The extension point through which a module sells its items: one bean per item kind. Commerce asks
 * it to describe and price an item for a buyer; the module applies the effects by listening to
 * {@link CommerceEvents.OrderPaid} and {@link CommerceEvents.OrderRefunded}.
 */
public interface PurchasableCatalog {

  /** The kind this catalog answers for, as in {@link ItemRef#kind()}. */
  String kind();

  /** The item as priced for this buyer, or empty if there is no such item on sale. */
  Optional<Purchasable> find(String key, UUID buyerId, Locale locale);

  /**
   * Throws a {@link org.guildhall.platform.DomainException} when this buyer may not buy the item
   * now (e.g. a downgrade while a higher tier runs); called at checkout before an order is made.
   */
  default void checkBuyable(String key, UUID buyerId) {}
}
