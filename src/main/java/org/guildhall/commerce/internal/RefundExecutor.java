package org.guildhall.commerce.internal;

import java.time.Clock;
import java.util.UUID;
import org.guildhall.commerce.gateway.PaymentGateway;
import org.guildhall.commerce.gateway.RefundRequest;
import org.guildhall.commerce.gateway.RefundResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a stored refund request to its gateway and records the answer. The request row (with its
 * idempotency key) was committed before, so a crash or a timeout here leaves it REQUESTED and the
 * refund job sends the very same request again; the provider recognises the key.
 */
@Component
class RefundExecutor {

  private static final Logger log = LoggerFactory.getLogger(RefundExecutor.class);

  private final RefundStore refunds;
  private final OrderStore orders;
  private final Gateways gateways;
  private final Settlement settlement;
  private final TransactionTemplate tx;
  private final Clock clock;

  RefundExecutor(
      RefundStore refunds,
      OrderStore orders,
      Gateways gateways,
      Settlement settlement,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.refunds = refunds;
    this.orders = orders;
    this.gateways = gateways;
    this.settlement = settlement;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  void execute(UUID refundId) {
    RefundStore.Due due = refunds.find(refundId).orElse(null);
    if (due == null) {
      return; // already answered
    }
    OrderRow order = orders.find(due.orderId()).orElseThrow();
    PaymentGateway gateway = gateways.get(order.gateway());
    RefundResult result;
    try {
      result =
          gateway.refund(
              new RefundRequest(
                  due.id(),
                  order.id(),
                  order.paymentRef(),
                  due.amount(),
                  order.total(),
                  due.reason(),
                  due.idempotencyKey()));
    } catch (RuntimeException unreachable) {
      log.warn(
          "Refund {} of order {} not sent yet: {}", due.id(), order.id(), unreachable.getMessage());
      return;
    }
    tx.executeWithoutResult(
        status -> {
          switch (result.status()) {
            case SUCCEEDED -> {
              refunds.settle(due.id(), "SUCCEEDED", result.refundRef(), null, clock.instant());
              settlement.settleRefunds(order.id());
            }
            case PENDING ->
                refunds.settle(due.id(), "PENDING", result.refundRef(), null, clock.instant());
            case FAILED -> {
              log.warn("Refund {} of order {} failed: {}", due.id(), order.id(), result.message());
              refunds.settle(
                  due.id(), "FAILED", result.refundRef(), result.message(), clock.instant());
            }
          }
        });
  }
}
