package org.guildhall.membership;

import java.time.Instant;
import java.util.UUID;

/** A gift code as its buyer sees it. */
public record GiftCodeView(
    String code,
    UUID orderId,
    String tierName,
    BillingPeriod billing,
    String status,
    Instant redeemedAt,
    Instant createdAt) {

  /** The code in groups of four, as printed and mailed. */
  public String display() {
    return code.replaceAll("(.{4})(?!$)", "$1-");
  }
}
