package org.guildhall.commerce.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.guildhall.commerce.CommerceEvents.GroupCompleted;
import org.guildhall.commerce.CommerceEvents.OrderPaid;
import org.guildhall.commerce.CommerceEvents.OrderRefunded;
import org.guildhall.commerce.CommerceEvents.SubscriptionLinked;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.gateway.VerifiedNotification;
import org.guildhall.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies verified notifications to orders, inside the transaction that stores them in the inbox.
 *
 * <p>Every notification is a fact (paid, subscription known, refund done) and settling derives the
 * order's state from the facts so far, so any delivery order ends in the same state: a refund
 * reported before the payment waits in {@code payment_refund} and is applied right after the
 * payment; a subscription id reported after the payment is linked then. Each step is a conditional
 * update that happens once, and each publishes its event only when it happened.
 */
@Component
class Settlement {

  private static final Logger log = LoggerFactory.getLogger(Settlement.class);

  /** What became of one notification. */
  enum Outcome {
    APPLIED,
    DUPLICATE,
    UNKNOWN_ORDER
  }

  /** A notification that is verified but does not fit its order (wrong amount, wrong gateway). */
  static final class Mismatch extends RuntimeException {
    Mismatch(String message) {
      super(message);
    }
  }

  private final OrderStore orders;
  private final RefundStore refunds;
  private final InboxStore inbox;
  private final GroupStore groups;
  private final CouponStore coupons;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Settlement(
      OrderStore orders,
      RefundStore refunds,
      InboxStore inbox,
      GroupStore groups,
      CouponStore coupons,
      ApplicationEventPublisher events,
      Clock clock) {
    this.orders = orders;
    this.refunds = refunds;
    this.inbox = inbox;
    this.groups = groups;
    this.coupons = coupons;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Stores the notification in the inbox and applies it, all in one transaction. Throws {@link
   * Mismatch} (nothing stored) when its amount, currency or gateway differ from the order's.
   */
  @Transactional
  public Outcome apply(String gateway, VerifiedNotification n) {
    Instant now = clock.instant();
    OrderRow order = n.orderId() == null ? null : orders.find(n.orderId()).orElse(null);
    if (order == null) {
      // Verified, but not ours (another shop on the same provider account, or a test event).
      return inbox.insert(gateway, n, "unknown-order", now)
          ? Outcome.UNKNOWN_ORDER
          : Outcome.DUPLICATE;
    }
    check(gateway, n, order);
    if (!inbox.insert(gateway, n, "applied", now)) {
      return Outcome.DUPLICATE;
    }
    switch (n.type()) {
      case PAYMENT_SUCCEEDED, INVOICE_PAID -> {
        // linked first, so that OrderPaid carries the subscription when the payment brings it
        linkSubscription(order.id(), n.subscriptionRef());
        paid(order, n.paymentRef(), now);
      }
      case SUBSCRIPTION_CREATED -> linkSubscription(order.id(), n.subscriptionRef());
      case RENEWAL_PAID -> renewal(gateway, order, n, now);
      case REFUND_SUCCEEDED -> {
        refunds.recordSucceeded(order.id(), n.amount(), n.refundRef(), now);
        settleRefunds(order.id());
      }
      case PAYMENT_FAILED -> log.info("Payment failed for order {} ({})", order.id(), gateway);
    }
    return Outcome.APPLIED;
  }

  private void check(String gateway, VerifiedNotification n, OrderRow order) {
    if (!order.gateway().equals(gateway)) {
      throw new Mismatch("order " + order.id() + " is paid through " + order.gateway());
    }
    Money amount = n.amount();
    switch (n.type()) {
      case PAYMENT_SUCCEEDED, INVOICE_PAID -> {
        if (amount == null || !amount.equals(order.total())) {
          throw new Mismatch("amount " + amount + " is not the order's " + order.total());
        }
      }
      case REFUND_SUCCEEDED -> {
        if (amount == null
            || !amount.currency().equals(order.total().currency())
            || amount.minor() <= 0
            || amount.minor() > order.total().minor()) {
          throw new Mismatch("refund " + amount + " does not fit order total " + order.total());
        }
      }
      case RENEWAL_PAID -> {
        if (amount == null
            || !amount.currency().equals(order.total().currency())
            || amount.minor() <= 0) {
          throw new Mismatch("renewal amount " + amount + " is not payable");
        }
      }
      case SUBSCRIPTION_CREATED, PAYMENT_FAILED -> {
        if (amount != null
            && amount.minor() != 0
            && !amount.currency().equals(order.total().currency())) {
          throw new Mismatch("currency " + amount.currency() + " is not the order's");
        }
      }
    }
  }

  /** The order's payment arrived (from a notification, reconciliation or a free checkout). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void paid(OrderRow order, String paymentRef, Instant now) {
    if (orders.markPaid(order.id(), paymentRef, now)) {
      if (order.groupId() != null) {
        groupMemberPaid(order, now);
      } else {
        fulfil(order.id(), now);
      }
    } else if (orders.markPaidLate(order.id(), paymentRef, now)) {
      // Paid after the order expired or was cancelled: what it reserved is gone, so the money
      // goes back in full, automatically.
      log.warn("Order {} was paid after it closed; refunding it", order.id());
      requestAutomaticRefund(order, "late-payment", now);
    }
    settleRefunds(order.id());
  }

  private void groupMemberPaid(OrderRow order, Instant now) {
    groups.memberPaid(order.groupId(), order.id());
    GroupStore.Group group = groups.group(order.groupId()).orElseThrow();
    if ("FAILED".equals(group.status())) {
      requestAutomaticRefund(order, "group-failed", now);
    } else if (groups.complete(group.id(), now)) {
      int members = 0;
      for (OrderRow member : orders.byGroup(group.id())) {
        if (member.status() == OrderStatus.PAID && fulfil(member.id(), now)) {
          members++;
        }
      }
      events.publishEvent(new GroupCompleted(group.id(), order.item(), members, now));
    }
  }

  /** Grants the order's item (publishes {@link OrderPaid}) the first time only. */
  boolean fulfil(UUID orderId, Instant now) {
    if (!orders.markFulfilled(orderId, now)) {
      return false;
    }
    OrderRow o = orders.find(orderId).orElseThrow();
    events.publishEvent(
        new OrderPaid(
            o.id(),
            o.buyerId(),
            o.item(),
            o.total(),
            o.recurringMonths(),
            o.subscriptionRef(),
            o.renewalOf(),
            o.paidAt()));
    return true;
  }

  private void linkSubscription(UUID orderId, String subscriptionRef) {
    if (subscriptionRef == null || !orders.linkSubscription(orderId, subscriptionRef)) {
      return;
    }
    OrderRow o = orders.find(orderId).orElseThrow();
    if (o.fulfilledAt() != null) {
      events.publishEvent(new SubscriptionLinked(o.id(), o.buyerId(), subscriptionRef));
    }
  }

  /** A later invoice of a subscription: a new order, paid and fulfilled, once per invoice. */
  private void renewal(String gateway, OrderRow first, VerifiedNotification n, Instant now) {
    if (orders.findByRenewal(gateway, n.paymentRef()).isPresent()) {
      return;
    }
    UUID id = UUID.randomUUID();
    OrderRow renewal =
        new OrderRow(
            id,
            first.buyerId(),
            first.item(),
            first.title(),
            n.amount(),
            0,
            OrderStatus.PAID,
            gateway,
            null,
            null,
            n.paymentRef(),
            first.subscriptionRef() != null ? first.subscriptionRef() : n.subscriptionRef(),
            first.recurringMonths(),
            null,
            null,
            first.id(),
            "renewal:" + n.paymentRef(),
            now,
            now,
            now,
            null,
            null);
    orders.insert(
        renewal,
        java.util.List.of(
            new org.guildhall.commerce.PriceLine("LIST", first.title(), n.amount()),
            new org.guildhall.commerce.PriceLine("TOTAL", "", n.amount())));
    fulfil(id, now);
  }

  /** Applies refunds that succeeded to a paid order: its refunded total and status, once each. */
  void settleRefunds(UUID orderId) {
    OrderRow o = orders.find(orderId).orElseThrow();
    if (!o.status().paid()) {
      return; // the payment has not arrived yet; its settlement applies these refunds
    }
    long succeeded = Math.min(refunds.succeededMinor(orderId), o.total().minor());
    if (succeeded <= o.refundedMinor()) {
      return;
    }
    OrderStatus status =
        succeeded >= o.total().minor() ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    Instant now = clock.instant();
    if (orders.refunded(orderId, o.refundedMinor(), succeeded, status, now)) {
      events.publishEvent(
          new OrderRefunded(
              o.id(),
              o.buyerId(),
              o.item(),
              new Money(succeeded - o.refundedMinor(), o.total().currency()),
              new Money(succeeded, o.total().currency()),
              o.total(),
              o.fulfilledAt() != null,
              now));
    }
  }

  /** Queues a full refund that the refund job sends to the gateway after this commits. */
  void requestAutomaticRefund(OrderRow order, String reason, Instant now) {
    if (refunds.hasAutomatic(order.id())) {
      return;
    }
    long open = order.total().minor() - refunds.committedMinor(order.id());
    if (open <= 0) {
      return;
    }
    UUID refundId = UUID.randomUUID();
    refunds.request(
        refundId,
        order.id(),
        new Money(open, order.total().currency()),
        reason,
        true,
        null,
        "refund-" + refundId,
        now);
  }

  /** PENDING → EXPIRED/CANCELED, giving back the coupon use and group seat it held. */
  @Transactional
  public boolean close(OrderRow order, OrderStatus to) {
    Instant now = clock.instant();
    if (!orders.close(order.id(), to, now)) {
      return false;
    }
    if (order.couponId() != null) {
      coupons.giveBack(order.couponId(), order.buyerId());
    }
    if (order.groupId() != null) {
      groups.release(order.groupId(), order.id());
    }
    return true;
  }
}
