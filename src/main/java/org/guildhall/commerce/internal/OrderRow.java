package org.guildhall.commerce.internal;

import java.time.Instant;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.shared.Money;

/** A {@code commerce_order} row. */
record OrderRow(
    UUID id,
    UUID buyerId,
    ItemRef item,
    String title,
    Money total,
    long refundedMinor,
    OrderStatus status,
    String gateway,
    String sessionRef,
    String redirectUrl,
    String paymentRef,
    String subscriptionRef,
    int recurringMonths,
    UUID couponId,
    UUID groupId,
    UUID renewalOf,
    String idempotencyKey,
    Instant createdAt,
    Instant expiresAt,
    Instant paidAt,
    Instant fulfilledAt,
    Instant closedAt) {

  Money refunded() {
    return new Money(refundedMinor, total.currency());
  }
}
