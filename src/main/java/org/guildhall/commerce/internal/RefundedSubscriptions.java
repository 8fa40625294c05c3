package org.guildhall.commerce.internal;

import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.CommerceEvents.OrderRefunded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A subscription whose order was refunded in full stops billing: after the refund commits, the
 * gateway is told to end it at the period end (a refunded member must not be charged again).
 */
@Component
class RefundedSubscriptions {

  private final CommerceApi commerce;

  RefundedSubscriptions(CommerceApi commerce) {
    this.commerce = commerce;
  }

  @ApplicationModuleListener
  void on(OrderRefunded refunded) {
    if (refunded.full()) {
      commerce.stopSubscription(refunded.orderId());
    }
  }
}
