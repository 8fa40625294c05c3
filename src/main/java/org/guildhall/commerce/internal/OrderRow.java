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

  /** The order as pages and the API see it, with its price lines and refunds. */
  org.guildhall.commerce.OrderView view(
      java.util.List<org.guildhall.commerce.PriceLine> lines,
      java.util.List<org.guildhall.commerce.OrderView.RefundView> refunds) {
    return new org.guildhall.commerce.OrderView(
        id,
        buyerId,
        item,
        title,
        status,
        total,
        refunded(),
        gateway,
        paymentRef,
        subscriptionRef,
        groupId,
        createdAt,
        paidAt,
        closedAt,
        lines,
        refunds,
        status == org.guildhall.commerce.OrderStatus.PENDING ? redirectUrl : null);
  }

  /** A list entry: no lines or refunds, so a page of orders is one query. */
  org.guildhall.commerce.OrderView summary() {
    return view(java.util.List.of(), java.util.List.of());
  }
}
