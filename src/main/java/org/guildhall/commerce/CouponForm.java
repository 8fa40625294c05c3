package org.guildhall.commerce;

/**
 * A new coupon as the owner typed it. Amounts are in yuan ("20", "9.90"); instants are ISO-8601
 * ({@code 2027-01-31T09:00:00Z}) or a local date and time ({@code 2027-01-31T09:00}) in the owner's
 * time zone; empty optional fields mean "none". {@code firstPurchaseOnly} and {@code active} are
 * null when their checkbox was not ticked.
 */
public record CouponForm(
    String code,
    String percentOff,
    String amountOff,
    String scopeKind,
    String scopeKey,
    String startsAt,
    String endsAt,
    String totalLimit,
    String perPersonLimit,
    Boolean firstPurchaseOnly,
    Boolean active) {

  public static CouponForm blank() {
    return new CouponForm("", "", "", "", "", "", "", "", "1", false, true);
  }

  public boolean firstPurchase() {
    return Boolean.TRUE.equals(firstPurchaseOnly);
  }

  public boolean activeNow() {
    return Boolean.TRUE.equals(active);
  }
}
