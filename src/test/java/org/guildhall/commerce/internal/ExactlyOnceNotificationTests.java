package org.guildhall.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.CommerceEvents.OrderPaid;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView;
import org.guildhall.support.CapturedEvents;
import org.guildhall.support.TestItems;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The same signed notification delivered 100 times at once and 20 times later: one PAID transition,
 * one grant, one receipt, and every delivery answered with success.
 */
@WebIntegrationTest
class ExactlyOnceNotificationTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired CapturedEvents events;
  PaymentsFixture f;

  @BeforeEach
  void setUp() {
    f = new PaymentsFixture(context, port);
  }

  List<Integer> deliverConcurrently(String body, int times) throws Exception {
    String signature = f.signature(body);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        Callable<Integer> delivery =
            () -> {
              start.await();
              return f.post(
                  "sandbox", body, java.util.Map.of(SandboxGateway.SIGNATURE_HEADER, signature));
            };
        answers.add(pool.submit(delivery));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMembershipPaymentDeliveredOneHundredAndTwentyTimesGrantsOneYearOnce() throws Exception {
    UUID buyer = f.buyer();
    CheckoutStart start = f.checkout(buyer, new ItemRef("membership", "premium:YEARLY"));
    OrderView order = f.order(start.orderId());
    String body = f.paid(order.id(), order.total());

    assertThat(deliverConcurrently(body, 100)).hasSize(100).containsOnly(200);
    for (int i = 0; i < 20; i++) {
      assertThat(f.postSandbox(body)).isEqualTo(200);
    }

    OrderView paid = f.order(order.id());
    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(f.count("SELECT COUNT(*) FROM payment_notification WHERE order_id = ?", order.id()))
        .isEqualTo(1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                f.count("SELECT COUNT(*) FROM membership_grant WHERE order_id = ?", order.id())
                    == 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                f.count(
                        "SELECT COUNT(*) FROM mail_message WHERE dedup_key = ?",
                        "receipt:" + order.id())
                    == 1);
    assertThat(events.all(OrderPaid.class).stream().filter(e -> e.orderId().equals(order.id())))
        .hasSize(1);
    assertThat(f.count("SELECT COUNT(*) FROM membership WHERE account_id = ?", buyer)).isEqualTo(1);
    var period =
        f.jdbc
            .sql("SELECT period_start, period_end FROM membership_grant WHERE order_id = ?")
            .param(order.id())
            .query(
                (rs, n) ->
                    List.of(
                        rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
            .single();
    assertThat(period.get(1))
        .isEqualTo(period.get(0).atZone(ZoneOffset.UTC).plusYears(1).toInstant());
  }

  @Test
  void anItemPaymentDeliveredManyTimesGrantsTheItemOnce() throws Exception {
    UUID buyer = f.buyer();
    CheckoutStart start = f.checkout(buyer, TestItems.item("once"));
    OrderView order = f.order(start.orderId());
    String body = f.paid(order.id(), order.total());

    assertThat(deliverConcurrently(body, 100)).containsOnly(200);
    for (int i = 0; i < 20; i++) {
      assertThat(f.postSandbox(body)).isEqualTo(200);
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                f.count("SELECT COUNT(*) FROM item_entitlement WHERE order_id = ?", order.id())
                    == 1);
    assertThat(f.count("SELECT COUNT(*) FROM item_entitlement WHERE account_id = ?", buyer))
        .isEqualTo(1);
    assertThat(f.commerce.owns(buyer, TestItems.item("once"))).isTrue();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                f.count(
                        "SELECT COUNT(*) FROM mail_message WHERE dedup_key = ?",
                        "receipt:" + order.id())
                    == 1);
  }
}
