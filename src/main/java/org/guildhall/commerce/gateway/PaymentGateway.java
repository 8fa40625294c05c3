package org.guildhall.commerce.gateway;

import java.util.Optional;

/**
 * One payment provider. Implementations are Spring beans; the community's settings choose which one
 * new checkouts use, while notifications, queries and refunds always go to the gateway that took
 * the order's payment.
 *
 * <p>Contract: {@link #verify} checks everything the provider signs (signature, timestamp within
 * the tolerance, decryption where the provider encrypts) and throws {@link InvalidNotification}
 * otherwise; it never touches the database. Comparing the amount and currency with the order's is
 * the caller's job, because only it knows the order.
 */
public interface PaymentGateway {

  /** Stable id stored with orders and inbox rows: {@code sandbox}, {@code stripe}, ... */
  String id();

  /** True when the keys this gateway needs are present. */
  boolean configured();

  /**
   * Whether the provider bills recurring subscriptions itself (Stripe) or only one-off payments.
   */
  boolean supportsRecurring();

  /** Starts a hosted payment for an order; the buyer is sent to {@link CheckoutRedirect#url()}. */
  CheckoutRedirect start(PaymentRequest request);

  /** Verifies an inbound notification; throws {@link InvalidNotification} when anything is off. */
  VerifiedNotification verify(InboundNotification inbound) throws InvalidNotification;

  /** The HTTP answer the provider expects for a notification that was accepted (or a duplicate). */
  NotificationAck accepted();

  /** The HTTP answer for a notification that was refused; the provider will retry it. */
  NotificationAck refused();

  /**
   * Asks the provider what became of an order's payment (reconciliation). Empty when the provider
   * has no completed payment for it.
   */
  Optional<VerifiedNotification> query(PaymentQuery query);

  /**
   * Asks the provider to refund. The idempotency key is stored before the call, so a retry after a
   * crash repeats the same request instead of refunding twice.
   */
  RefundResult refund(RefundRequest request);

  /**
   * Stops a recurring subscription at the end of its current period (the member cancelled or
   * downgraded). Gateways without recurring billing have nothing to stop.
   */
  default void cancelSubscriptionAtPeriodEnd(String subscriptionRef, String idempotencyKey) {}
}
