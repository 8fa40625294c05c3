package org.guildhall.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView;
import org.guildhall.support.CrashNextPayment;
import org.guildhall.support.MutableClock;
import org.guildhall.support.TestItems;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A notification that never comes is settled by reconciliation; a crash between verification and
 * commit loses nothing, because the redelivery applies it whole.
 */
@WebIntegrationTest
class ReconciliationAndCrashTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired MutableClock clock;
  @Autowired SandboxFaults faults;
  @Autowired CrashNextPayment crash;
  PaymentsFixture f;

  @BeforeEach
  void setUp() {
    f = new PaymentsFixture(context, port);
  }

  @AfterEach
  void tearDown() {
    faults.set(SandboxFaults.Faults.NONE);
    clock.reset();
    crash.disarm();
  }

  @Test
  void aDroppedNotificationIsSettledByReconciliation() {
    faults.set(new SandboxFaults.Faults(1, 0, false, true));
    UUID buyer = f.buyer();
    CheckoutStart start = f.checkout(buyer, TestItems.item("dropped"));
    assertThat(f.sandbox.pay(f.sessionOf(start.orderId()))).isTrue();
    f.deliveries.deliverDue();
    assertThat(f.order(start.orderId()).status()).isEqualTo(OrderStatus.PENDING);
    assertThat(
            f.count(
                "SELECT COUNT(*) FROM sandbox_delivery WHERE status = 'DROPPED' AND payload LIKE ?",
                "%" + start.orderId() + "%"))
        .isEqualTo(1);

    f.jobs.reconcile();
    assertThat(f.order(start.orderId()).status())
        .as("too young to ask about")
        .isEqualTo(OrderStatus.PENDING);

    clock.advance(Duration.ofMinutes(3));
    assertThat(f.jobs.reconcile()).isGreaterThanOrEqualTo(1);
    assertThat(f.order(start.orderId()).status()).isEqualTo(OrderStatus.PAID);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> f.commerce.owns(buyer, TestItems.item("dropped")));
  }

  @Test
  void anUnpaidOrderExpiresAndGivesBackWhatItHeld() {
    UUID buyer = f.buyer();
    CheckoutStart start = f.checkout(buyer, TestItems.item("never-paid"));
    clock.advance(Duration.ofMinutes(31));
    f.jobs.reconcile();
    assertThat(f.order(start.orderId()).status()).isEqualTo(OrderStatus.EXPIRED);
  }

  @Test
  void aCrashBeforeCommitLosesNothingAndTheRedeliveryCompletesIt() {
    UUID buyer = f.buyer();
    CheckoutStart start = f.checkout(buyer, TestItems.item("crash"));
    OrderView order = f.order(start.orderId());
    String body = f.paid(order.id(), order.total());

    crash.arm();
    assertThat(f.postSandbox(body)).as("the provider is told to retry").isEqualTo(500);
    assertThat(f.order(order.id()).status()).isEqualTo(OrderStatus.PENDING);
    assertThat(f.count("SELECT COUNT(*) FROM payment_notification WHERE order_id = ?", order.id()))
        .as("the inbox row rolled back with the rest")
        .isZero();

    assertThat(f.postSandbox(body)).isEqualTo(200);
    assertThat(f.order(order.id()).status()).isEqualTo(OrderStatus.PAID);
    assertThat(f.count("SELECT COUNT(*) FROM payment_notification WHERE order_id = ?", order.id()))
        .isEqualTo(1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                f.count("SELECT COUNT(*) FROM item_entitlement WHERE order_id = ?", order.id())
                    == 1);
  }
}
