package org.guildhall.commerce;

import java.time.Instant;
import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * What commerce tells other modules. Listeners must be idempotent (a unique key on the order id in
 * their effect table): the event publication registry redelivers after a crash.
 */
public final class CommerceEvents {

  private CommerceEvents() {}

  /**
   * An order is paid and its item should be granted: once per order. For a group-buy order this
   * comes when the group completes, not when the member paid.
   *
   * @param renewalOf for a subscription renewal, the order that started the subscription
   */
  public record OrderPaid(
      UUID orderId,
      UUID buyerId,
      ItemRef item,
      Money total,
      int recurringMonths,
      String subscriptionRef,
      UUID renewalOf,
      Instant paidAt) {}

  /**
   * Money went back to the buyer: {@code amount} this time, {@code refundedTotal} so far of {@code
   * total}. {@code fulfilled} tells whether the order had been granted (an unfinished group's order
   * had not), so listeners revoke or shorten only what they granted.
   */
  public record OrderRefunded(
      UUID orderId,
      UUID buyerId,
      ItemRef item,
      Money amount,
      Money refundedTotal,
      Money total,
      boolean fulfilled,
      Instant at) {

    public boolean full() {
      return refundedTotal.equals(total);
    }
  }

  /** The provider's subscription id became known for a paid order (it may come after payment). */
  public record SubscriptionLinked(UUID orderId, UUID buyerId, String subscriptionRef) {}

  /** A group buy filled up and every member's order was fulfilled. */
  public record GroupCompleted(UUID groupId, ItemRef item, int members, Instant at) {}

  /** A group buy ran out of time short of its size; every payer is refunded. */
  public record GroupFailed(UUID groupId, ItemRef item, int paid, Instant at) {}
}
