package org.guildhall.commerce;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * An order as pages, receipts and the API show it. {@code paymentUrl} is where the buyer pays while
 * the order is pending (a provider's page, or WeChat Pay's QR payload); null otherwise.
 */
public record OrderView(
    UUID id,
    UUID buyerId,
    ItemRef item,
    String title,
    OrderStatus status,
    Money total,
    Money refunded,
    String gateway,
    String paymentRef,
    String subscriptionRef,
    UUID groupId,
    Instant createdAt,
    Instant paidAt,
    Instant closedAt,
    List<PriceLine> lines,
    List<RefundView> refunds,
    String paymentUrl) {

  public Money remaining() {
    return total.minus(refunded);
  }

  /** A refund as the order shows it. */
  public record RefundView(
      UUID id,
      Money amount,
      String reason,
      String status,
      boolean automatic,
      Instant createdAt,
      Instant settledAt) {}
}
