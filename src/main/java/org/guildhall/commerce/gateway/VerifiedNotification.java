package org.guildhall.commerce.gateway;

import java.time.Instant;
import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * A notification whose signature checked out, in the gateway-neutral form the inbox processes.
 *
 * @param eventId the provider's unique id of this event; with the gateway id it is the inbox key
 * @param type what happened
 * @param orderId our order, as echoed back by the provider (for a renewal invoice: the order that
 *     started the subscription)
 * @param amount the amount the event is about: paid, or refunded
 * @param paymentRef the provider's id of the payment (charge, trade number, transaction id)
 * @param subscriptionRef the provider's subscription id, when there is one
 * @param refundRef the provider's id of the refund, for refund events
 * @param occurredAt when the provider says it happened
 */
public record VerifiedNotification(
    String eventId,
    Type type,
    UUID orderId,
    Money amount,
    String paymentRef,
    String subscriptionRef,
    String refundRef,
    Instant occurredAt) {

  public enum Type {
    /** The order's payment succeeded (checkout completed, trade success, transaction success). */
    PAYMENT_SUCCEEDED,
    /** The buyer's payment failed or was declined; the order stays payable until it expires. */
    PAYMENT_FAILED,
    /** A subscription was created for the order. */
    SUBSCRIPTION_CREATED,
    /** The first invoice of the order's subscription was paid (same effect as payment). */
    INVOICE_PAID,
    /** A later invoice of the subscription was paid: a renewal. */
    RENEWAL_PAID,
    /** A refund of (part of) the order's payment succeeded. */
    REFUND_SUCCEEDED
  }
}
