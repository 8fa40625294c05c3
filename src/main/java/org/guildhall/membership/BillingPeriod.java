package org.guildhall.membership;

/** How long one payment for a tier lasts. */
public enum BillingPeriod {
  MONTHLY(1),
  QUARTERLY(3),
  YEARLY(12),
  LIFETIME(0);

  private final int months;

  BillingPeriod(int months) {
    this.months = months;
  }

  /** Months covered by one payment; 0 for lifetime. */
  public int months() {
    return months;
  }
}
