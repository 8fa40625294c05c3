package org.guildhall.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner's order filters; every one is optional (null or blank: no filter).
 *
 * @param createdFrom orders made at or after this instant
 * @param createdBefore orders made before this instant
 * @param text an order id prefix or an exact payment reference
 * @param buyerId the buyer (the web layer resolves a buyer's e-mail address to it)
 */
public record OrderFilter(
    OrderStatus status,
    String gateway,
    String itemKind,
    Instant createdFrom,
    Instant createdBefore,
    String text,
    UUID buyerId) {

  public OrderFilter {
    gateway = blankToNull(gateway);
    itemKind = blankToNull(itemKind);
    text = blankToNull(text);
  }

  public static OrderFilter none() {
    return new OrderFilter(null, null, null, null, null, null, null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
