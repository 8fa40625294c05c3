package org.guildhall.commerce;

/**
 * A new limited-time offer as the owner typed it: names in both languages, a scope, a percentage or
 * an amount in yuan, and a window that is required. {@code active} is null when unticked.
 */
public record OfferForm(
    String nameEn,
    String nameZh,
    String scopeKind,
    String scopeKey,
    String percentOff,
    String amountOff,
    String startsAt,
    String endsAt,
    Boolean active) {

  public static OfferForm blank() {
    return new OfferForm("", "", "", "", "", "", "", "", true);
  }

  public boolean activeNow() {
    return Boolean.TRUE.equals(active);
  }
}
