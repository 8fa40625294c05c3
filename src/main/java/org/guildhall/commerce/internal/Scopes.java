package org.guildhall.commerce.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.guildhall.commerce.ItemRef;
import org.guildhall.shared.Money;

/**
 * What an offer or coupon applies to, and how much it takes off. A scope is everything (no kind),
 * every item of a kind ({@code membership}), or one item and its variants ({@code membership} /
 * {@code premium} covers {@code premium:YEARLY} and {@code premium:MONTHLY}).
 */
final class Scopes {

  private Scopes() {}

  static boolean covers(String scopeKind, String scopeKey, ItemRef item) {
    if (scopeKind == null) {
      return true;
    }
    if (!scopeKind.equals(item.kind())) {
      return false;
    }
    return scopeKey == null || scopeKey.equals(item.key()) || item.key().startsWith(scopeKey + ":");
  }

  /**
   * A percentage is rounded half up to the minor unit; a fixed amount (in the price's currency)
   * takes off at most the whole price.
   */
  static Money reduction(Money price, Integer percentOff, Money amountOff) {
    long minor;
    if (percentOff != null) {
      minor =
          BigDecimal.valueOf(price.minor())
              .multiply(BigDecimal.valueOf(percentOff))
              .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
              .longValueExact();
    } else if (amountOff != null && amountOff.currency().equals(price.currency())) {
      minor = amountOff.minor();
    } else {
      minor = 0;
    }
    return new Money(Math.min(minor, Math.max(price.minor(), 0)), price.currency());
  }
}
