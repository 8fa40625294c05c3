package org.guildhall.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.OrderView;
import org.guildhall.shared.Money;
import org.guildhall.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * Whatever order a subscription's notifications arrive in — checkout completed, invoice paid,
 * subscription created, a partial refund, each possibly more than once — the order and the
 * membership end in the same state as when they arrive in order.
 */
@JqwikSpringSupport
@WebIntegrationTest
class DeliveryOrderProperties {

  enum Step {
    CHECKOUT_COMPLETED,
    SUBSCRIPTION_CREATED,
    INVOICE_PAID,
    REFUND
  }

  /** What the history left behind, with every id and instant taken out. */
  record Outcome(
      String orderStatus,
      long refundedMinor,
      boolean orderKnowsSubscription,
      long grants,
      long revokedSeconds,
      String membershipStatus,
      long paidSeconds,
      boolean membershipKnowsSubscription) {}

  static final ItemRef PLAN = new ItemRef("membership", "premium:MONTHLY");

  @Autowired ApplicationContext context;

  @Value("${local.server.port}")
  int port;

  @Provide
  Arbitrary<List<Step>> histories() {
    return Arbitraries.of(Step.values())
        .list()
        .ofMinSize(4)
        .ofMaxSize(7)
        .filter(steps -> EnumSet.copyOf(steps).size() == Step.values().length);
  }

  @Property(tries = 40)
  void everyDeliveryOrderEndsInTheInOrderState(@ForAll("histories") List<Step> history) {
    PaymentsFixture f = new PaymentsFixture(context, port);
    Outcome inOrder = run(f, List.of(Step.values()));
    Outcome shuffled = run(f, history);
    assertThat(shuffled).as("history %s", history).isEqualTo(inOrder);
    assertThat(inOrder.orderStatus()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(inOrder.revokedSeconds()).isPositive();
  }

  Outcome run(PaymentsFixture f, List<Step> history) {
    UUID buyer = f.buyer();
    CheckoutStart start = f.checkout(buyer, PLAN);
    OrderView order = f.order(start.orderId());
    String subscription = "sbx_sub_" + UUID.randomUUID().toString().substring(0, 8);
    Money half = new Money(order.total().minor() / 2, order.total().currency());
    Map<Step, String> bodies =
        Map.of(
            Step.CHECKOUT_COMPLETED,
            f.event(
                "payment.succeeded",
                order.id(),
                order.total(),
                "sbx_pi_" + order.id(),
                subscription,
                null,
                null),
            Step.SUBSCRIPTION_CREATED,
            f.event(
                "subscription.created", order.id(), order.total(), null, subscription, null, null),
            Step.INVOICE_PAID,
            f.event(
                "invoice.paid",
                order.id(),
                order.total(),
                "sbx_in_" + order.id(),
                subscription,
                null,
                "subscription_create"),
            Step.REFUND,
            f.event(
                "refund.succeeded",
                order.id(),
                half,
                "sbx_pi_" + order.id(),
                null,
                "sbx_re_" + order.id(),
                null));
    for (Step step : history) {
      assertThat(f.postSandbox(bodies.get(step))).as("delivery of %s", step).isEqualTo(200);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                f.count(
                        "SELECT COUNT(*) FROM membership_grant WHERE order_id = ? AND revoked_seconds > 0",
                        order.id())
                    == 1);
    return outcome(f, order.id(), buyer, subscription);
  }

  Outcome outcome(PaymentsFixture f, UUID orderId, UUID buyer, String subscription) {
    Map<String, Object> o =
        f.jdbc
            .sql("SELECT status, refunded_minor, subscription_ref FROM commerce_order WHERE id = ?")
            .param(orderId)
            .query()
            .singleRow();
    Map<String, Object> g =
        f.jdbc
            .sql("SELECT period_start, revoked_seconds FROM membership_grant WHERE order_id = ?")
            .param(orderId)
            .query()
            .singleRow();
    Map<String, Object> m =
        f.jdbc
            .sql(
                "SELECT status, current_period_end, subscription_ref FROM membership WHERE account_id = ?")
            .param(buyer)
            .query()
            .singleRow();
    return new Outcome(
        (String) o.get("status"),
        ((Number) o.get("refunded_minor")).longValue(),
        subscription.equals(o.get("subscription_ref")),
        f.count("SELECT COUNT(*) FROM membership_grant WHERE order_id = ?", orderId),
        ((Number) g.get("revoked_seconds")).longValue(),
        (String) m.get("status"),
        Duration.between(instant(g.get("period_start")), instant(m.get("current_period_end")))
            .toSeconds(),
        subscription.equals(m.get("subscription_ref")));
  }

  static java.time.Instant instant(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
