package org.guildhall.commerce.gateway.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.guildhall.commerce.gateway.CheckoutRedirect;
import org.guildhall.commerce.gateway.GatewayKeys;
import org.guildhall.commerce.gateway.IgnoredNotification;
import org.guildhall.commerce.gateway.InboundNotification;
import org.guildhall.commerce.gateway.InvalidNotification;
import org.guildhall.commerce.gateway.NotificationAck;
import org.guildhall.commerce.gateway.PaymentQuery;
import org.guildhall.commerce.gateway.PaymentRequest;
import org.guildhall.commerce.gateway.RefundRequest;
import org.guildhall.commerce.gateway.RefundResult;
import org.guildhall.commerce.gateway.VerifiedNotification;
import org.guildhall.commerce.gateway.VerifiedNotification.Type;
import org.guildhall.shared.Money;
import org.guildhall.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StripeGatewayTests {

  static final String SECRET = "whsec_test_4eC39HqLyjWDarjtT1zdp7dc";
  static final String SECRET_KEY = "sk_test_51Guildhall";

  final UUID orderId = UUID.fromString("0b6f3c3e-5f0e-4d7a-9a51-3c2f1e0a9b11");
  final MutableClock clock = new MutableClock();
  final Map<String, String> settings =
      new HashMap<>(Map.of("secret-key", SECRET_KEY, "webhook-secret", SECRET));
  final GatewayKeys keys =
      (gateway, name) ->
          "stripe".equals(gateway) ? Optional.ofNullable(settings.get(name)) : Optional.empty();
  final StubStripe stripe = new StubStripe();
  final StripeGateway gateway = new StripeGateway(keys, clock, stripe.base());

  @AfterEach
  void stopStub() {
    stripe.close();
  }

  @Test
  void isTheRecurringCapableStripeGateway() {
    assertThat(gateway.id()).isEqualTo("stripe");
    assertThat(gateway.supportsRecurring()).isTrue();
    assertThat(gateway.configured()).isTrue();
  }

  @Test
  void isNotConfiguredWithoutBothKeys() {
    settings.remove("webhook-secret");
    assertThat(gateway.configured()).isFalse();
    settings.put("webhook-secret", SECRET);
    settings.put("secret-key", " ");
    assertThat(gateway.configured()).isFalse();
  }

  @Test
  void answersNotificationsAsStripeExpects() {
    assertThat(gateway.accepted()).isEqualTo(NotificationAck.json(200, "{\"received\":true}"));
    assertThat(gateway.refused()).isEqualTo(NotificationAck.json(400, "{\"error\":\"invalid\"}"));
  }

  @Nested
  class MapsEvents {

    @Test
    void paidCheckoutIsPaymentSucceededWithThePaymentIntent() throws Exception {
      Instant at = clock.instant();
      VerifiedNotification n =
          gateway.verify(
              StripeTestEvents.checkoutCompleted(
                  SECRET, at, "evt_1Checkout", orderId, 9900, "CNY", null));

      assertThat(n.eventId()).isEqualTo("evt_1Checkout");
      assertThat(n.type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
      assertThat(n.orderId()).isEqualTo(orderId);
      assertThat(n.amount()).isEqualTo(Money.of(9900, "CNY"));
      assertThat(n.paymentRef()).isEqualTo(StripeTestEvents.paymentIntentRef(orderId));
      assertThat(n.subscriptionRef()).isNull();
      assertThat(n.refundRef()).isNull();
      assertThat(n.occurredAt()).isEqualTo(Instant.ofEpochSecond(at.getEpochSecond()));
    }

    @Test
    void paidSubscriptionCheckoutNamesTheSubscriptionAndTheSession() throws Exception {
      VerifiedNotification n =
          gateway.verify(
              StripeTestEvents.checkoutCompleted(
                  SECRET, clock.instant(), "evt_2", orderId, 3500, "usd", "sub_1Abc"));

      assertThat(n.type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
      assertThat(n.amount()).isEqualTo(Money.of(3500, "USD"));
      assertThat(n.subscriptionRef()).isEqualTo("sub_1Abc");
      assertThat(n.paymentRef()).isEqualTo(StripeTestEvents.sessionRef(orderId));
    }

    @Test
    void asyncPaymentSucceededIsPaymentSucceeded() throws Exception {
      String session =
          StripeTestEvents.checkoutSession(orderId, 500, "eur", null, "complete", "paid");
      VerifiedNotification n =
          gateway.verify(
              signed(
                  StripeTestEvents.event(
                      "evt_async",
                      "checkout.session.async_payment_succeeded",
                      clock.instant(),
                      session)));

      assertThat(n.type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
      assertThat(n.amount()).isEqualTo(Money.of(500, "EUR"));
    }

    @Test
    void completedButUnpaidCheckoutIsIgnored() {
      String session =
          StripeTestEvents.checkoutSession(orderId, 9900, "cny", null, "complete", "unpaid");
      InboundNotification inbound =
          signed(
              StripeTestEvents.event(
                  "evt_unpaid", "checkout.session.completed", clock.instant(), session));

      assertThatThrownBy(() -> gateway.verify(inbound)).isInstanceOf(IgnoredNotification.class);
    }

    @Test
    void expiredCheckoutIsPaymentFailed() throws Exception {
      VerifiedNotification n =
          gateway.verify(
              StripeTestEvents.checkoutExpired(
                  SECRET, clock.instant(), "evt_expired", orderId, 9900, "CNY"));

      assertThat(n.type()).isEqualTo(Type.PAYMENT_FAILED);
      assertThat(n.orderId()).isEqualTo(orderId);
      assertThat(n.paymentRef()).isEqualTo(StripeTestEvents.sessionRef(orderId));
    }

    @Test
    void asyncPaymentFailedIsPaymentFailed() throws Exception {
      String session =
          StripeTestEvents.checkoutSession(orderId, 9900, "cny", null, "complete", "unpaid");
      VerifiedNotification n =
          gateway.verify(
              signed(
                  StripeTestEvents.event(
                      "evt_failed",
                      "checkout.session.async_payment_failed",
                      clock.instant(),
                      session)));

      assertThat(n.type()).isEqualTo(Type.PAYMENT_FAILED);
      assertThat(n.amount()).isEqualTo(Money.of(9900, "CNY"));
    }

    @Test
    void subscriptionCreatedCarriesTheOrderFromItsMetadataAndThePriceTimesQuantity()
        throws Exception {
      VerifiedNotification n =
          gateway.verify(
              StripeTestEvents.subscriptionCreated(
                  SECRET, clock.instant(), "evt_sub", orderId, "sub_1Xyz", 3500, 2, "CNY"));

      assertThat(n.type()).isEqualTo(Type.SUBSCRIPTION_CREATED);
      assertThat(n.orderId()).isEqualTo(orderId);
      assertThat(n.subscriptionRef()).isEqualTo("sub_1Xyz");
      assertThat(n.amount()).isEqualTo(Money.of(7000, "CNY"));
    }

    @Test
    void firstInvoiceIsInvoicePaidAndLaterOnesAreRenewals() throws Exception {
      VerifiedNotification first =
          gateway.verify(
              StripeTestEvents.invoicePaid(
                  SECRET,
                  clock.instant(),
                  "evt_inv1",
                  orderId,
                  "sub_1Xyz",
                  "in_1First",
                  3500,
                  "CNY",
                  false));
      VerifiedNotification renewal =
          gateway.verify(
              StripeTestEvents.invoicePaid(
                  SECRET,
                  clock.instant(),
                  "evt_inv2",
                  orderId,
                  "sub_1Xyz",
                  "in_1Second",
                  3500,
                  "CNY",
                  true));

      assertThat(first.type()).isEqualTo(Type.INVOICE_PAID);
      assertThat(renewal.type()).isEqualTo(Type.RENEWAL_PAID);
      assertThat(renewal.orderId()).isEqualTo(orderId);
      assertThat(renewal.amount()).isEqualTo(Money.of(3500, "CNY"));
      assertThat(renewal.paymentRef()).isEqualTo("in_1Second");
      assertThat(renewal.subscriptionRef()).isEqualTo("sub_1Xyz");
    }

    @Test
    void readsInvoicesOfOlderApiVersions() throws Exception {
      VerifiedNotification n =
          gateway.verify(
              StripeTestEvents.legacyInvoicePaymentSucceeded(
                  SECRET,
                  clock.instant(),
                  "evt_legacy",
                  orderId,
                  "sub_1Old",
                  "in_1Old",
                  2900,
                  "USD",
                  true));

      assertThat(n.type()).isEqualTo(Type.RENEWAL_PAID);
      assertThat(n.orderId()).isEqualTo(orderId);
      assertThat(n.subscriptionRef()).isEqualTo("sub_1Old");
      assertThat(n.amount()).isEqualTo(Money.of(2900, "USD"));
      assertThat(n.paymentRef()).isEqualTo("in_1Old");
    }

    @Test
    void succeededRefundIsRefundSucceeded() throws Exception {
      UUID refundId = UUID.randomUUID();
      VerifiedNotification n =
          gateway.verify(
              StripeTestEvents.refundSucceeded(
                  SECRET, clock.instant(), "evt_refund", orderId, refundId, 2000, "CNY"));

      assertThat(n.type()).isEqualTo(Type.REFUND_SUCCEEDED);
      assertThat(n.orderId()).isEqualTo(orderId);
      assertThat(n.refundRef()).isEqualTo(StripeTestEvents.refundRef(refundId));
      assertThat(n.amount()).isEqualTo(Money.of(2000, "CNY"));
      assertThat(n.paymentRef()).isEqualTo(StripeTestEvents.paymentIntentRef(orderId));
    }

    @Test
    void chargeRefundUpdatedIsReadLikeARefundEvent() throws Exception {
      VerifiedNotification n =
          gateway.verify(
              StripeTestEvents.refundEvent(
                  SECRET,
                  clock.instant(),
                  "evt_crefund",
                  "charge.refund.updated",
                  "succeeded",
                  orderId,
                  UUID.randomUUID(),
                  100,
                  "USD"));

      assertThat(n.type()).isEqualTo(Type.REFUND_SUCCEEDED);
      assertThat(n.amount()).isEqualTo(Money.of(100, "USD"));
    }

    @Test
    void refundNotYetSucceededIsIgnored() {
      InboundNotification pending =
          StripeTestEvents.refundEvent(
              SECRET,
              clock.instant(),
              "evt_pending",
              "refund.created",
              "pending",
              orderId,
              UUID.randomUUID(),
              100,
              "CNY");

      assertThatThrownBy(() -> gateway.verify(pending))
          .isInstanceOf(IgnoredNotification.class)
          .hasMessageContaining("pending");
    }

    @Test
    void unknownEventTypeIsIgnored() {
      InboundNotification inbound =
          signed(
              StripeTestEvents.event(
                  "evt_other",
                  "customer.updated",
                  clock.instant(),
                  "{\"id\": \"cus_1\", \"object\": \"customer\"}"));

      assertThatThrownBy(() -> gateway.verify(inbound))
          .isInstanceOf(IgnoredNotification.class)
          .hasMessageContaining("customer.updated");
    }

    @Test
    void checkoutOfAnotherIntegrationIsIgnored() {
      String session =
          StripeTestEvents.checkoutSession(orderId, 9900, "cny", null, "complete", "paid")
              .replace(orderId.toString(), "not-one-of-ours");
      InboundNotification inbound =
          signed(
              StripeTestEvents.event(
                  "evt_foreign", "checkout.session.completed", clock.instant(), session));

      assertThatThrownBy(() -> gateway.verify(inbound)).isInstanceOf(IgnoredNotification.class);
    }
  }

  @Nested
  class RefusesNotifications {

    final Instant at = clock.instant();
    final String payload =
        StripeTestEvents.event(
            "evt_sig",
            "checkout.session.completed",
            at,
            StripeTestEvents.checkoutSession(orderId, 9900, "cny", null, "complete", "paid"));

    @Test
    void unsigned() {
      assertRefused(StripeTestEvents.withSignature(null, payload), "unsigned");
    }

    @Test
    void signedWithAnotherSecret() {
      assertRefused(StripeTestEvents.sign("whsec_someone_else", at, payload), "signature mismatch");
    }

    @Test
    void bodyAlteredByOneByte() {
      String header = StripeTestEvents.signatureHeader(SECRET, at, payload);
      String altered = payload.replace("\"amount_total\": 9900", "\"amount_total\": 9901");
      assertThat(altered).isNotEqualTo(payload).hasSameSizeAs(payload);

      assertRefused(StripeTestEvents.withSignature(header, altered), "signature mismatch");
    }

    @Test
    void signedMoreThanFiveMinutesAgo() {
      InboundNotification inbound = StripeTestEvents.sign(SECRET, at, payload);
      clock.advance(Duration.ofSeconds(301));

      assertRefused(inbound, "stale timestamp");
    }

    @Test
    void acceptsSignaturesJustWithinFiveMinutes() throws Exception {
      InboundNotification inbound = StripeTestEvents.sign(SECRET, at, payload);
      clock.advance(Duration.ofSeconds(300));

      assertThat(gateway.verify(inbound).orderId()).isEqualTo(orderId);
    }

    @Test
    void signedMoreThanFiveMinutesAhead() {
      assertRefused(
          StripeTestEvents.sign(SECRET, at.plusSeconds(301), payload), "timestamp in the future");
    }

    @Test
    void acceptsAnyOfSeveralSignatures() throws Exception {
      String header =
          "t="
              + at.getEpochSecond()
              + ",v1="
              + StripeTestEvents.v1("whsec_old_rolled_secret", at, payload)
              + ",v1="
              + StripeTestEvents.v1(SECRET, at, payload)
              + ",v0="
              + StripeTestEvents.v1("whsec_legacy", at, payload);

      VerifiedNotification n = gateway.verify(StripeTestEvents.withSignature(header, payload));

      assertThat(n.eventId()).isEqualTo("evt_sig");
    }

    @Test
    void severalSignaturesNoneOfThemValid() {
      String header =
          "t="
              + at.getEpochSecond()
              + ",v1="
              + StripeTestEvents.v1("whsec_a", at, payload)
              + ",v1="
              + StripeTestEvents.v1("whsec_b", at, payload);

      assertRefused(StripeTestEvents.withSignature(header, payload), "signature mismatch");
    }

    @Test
    void signatureOnlyInAnotherScheme() {
      String header =
          "t=" + at.getEpochSecond() + ",v0=" + StripeTestEvents.v1(SECRET, at, payload);

      assertRefused(StripeTestEvents.withSignature(header, payload), "malformed signature header");
    }

    @Test
    void malformedTimestamp() {
      String header = "t=yesterday,v1=" + StripeTestEvents.v1(SECRET, at, payload);

      assertRefused(StripeTestEvents.withSignature(header, payload), "malformed signature header");
    }

    @Test
    void anyNotificationWhileTheWebhookSecretIsMissing() {
      InboundNotification inbound = StripeTestEvents.sign(SECRET, at, payload);
      settings.remove("webhook-secret");

      assertThatThrownBy(() -> gateway.verify(inbound))
          .isExactlyInstanceOf(InvalidNotification.class);
    }

    private void assertRefused(InboundNotification inbound, String reason) {
      assertThatThrownBy(() -> gateway.verify(inbound))
          .isExactlyInstanceOf(InvalidNotification.class)
          .hasMessage(reason);
    }
  }

  @Nested
  class TalksToTheApi {

    final PaymentRequest oneOff =
        new PaymentRequest(
            orderId,
            Money.of(9900, "CNY"),
            "Gold membership, one year",
            0,
            "https://guildhall.example/orders/1/done",
            "https://guildhall.example/orders/1/cancelled",
            "https://guildhall.example/payments/stripe/notify",
            "order-" + orderId,
            "buyer@example.com");

    @Test
    void startsAPaymentModeCheckout() {
      stripe.answer(
          "POST",
          "/v1/checkout/sessions",
          200,
          """
          {"id": "cs_test_a1", "object": "checkout.session", "mode": "payment",
           "payment_status": "unpaid", "status": "open",
           "url": "https://checkout.stripe.com/c/pay/cs_test_a1"}
          """);

      CheckoutRedirect redirect = gateway.start(oneOff);

      assertThat(redirect.url()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_a1");
      assertThat(redirect.sessionRef()).isEqualTo("cs_test_a1");
      assertThat(redirect.html()).isNull();
      Recorded call = stripe.only("POST", "/v1/checkout/sessions");
      assertThat(call.headers().getFirst("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
      assertThat(call.headers().getFirst("Idempotency-Key")).isEqualTo("order-" + orderId);
      assertThat(call.form())
          .containsEntry("mode", "payment")
          .containsEntry("client_reference_id", orderId.toString())
          .containsEntry("metadata[order_id]", orderId.toString())
          .containsEntry("payment_intent_data[metadata][order_id]", orderId.toString())
          .containsEntry("line_items[0][quantity]", "1")
          .containsEntry("line_items[0][price_data][currency]", "cny")
          .containsEntry("line_items[0][price_data][unit_amount]", "9900")
          .containsEntry(
              "line_items[0][price_data][product_data][name]", "Gold membership, one year")
          .containsEntry("success_url", "https://guildhall.example/orders/1/done")
          .containsEntry("cancel_url", "https://guildhall.example/orders/1/cancelled")
          .containsEntry("customer_email", "buyer@example.com")
          .doesNotContainKeys(
              "subscription_data[metadata][order_id]",
              "line_items[0][price_data][recurring][interval]");
    }

    @Test
    void startsASubscriptionModeCheckoutForRecurringOrders() {
      stripe.answer(
          "POST",
          "/v1/checkout/sessions",
          200,
          """
          {"id": "cs_test_s1", "object": "checkout.session", "mode": "subscription",
           "url": "https://checkout.stripe.com/c/pay/cs_test_s1"}
          """);
      PaymentRequest quarterly =
          new PaymentRequest(
              orderId,
              Money.of(2500, "USD"),
              "Silver, every three months",
              3,
              "https://guildhall.example/done",
              "https://guildhall.example/cancelled",
              "https://guildhall.example/notify",
              "key-quarterly",
              null);

      CheckoutRedirect redirect = gateway.start(quarterly);

      assertThat(redirect.sessionRef()).isEqualTo("cs_test_s1");
      Recorded call = stripe.only("POST", "/v1/checkout/sessions");
      assertThat(call.headers().getFirst("Idempotency-Key")).isEqualTo("key-quarterly");
      assertThat(call.form())
          .containsEntry("mode", "subscription")
          .containsEntry("line_items[0][price_data][currency]", "usd")
          .containsEntry("line_items[0][price_data][unit_amount]", "2500")
          .containsEntry("line_items[0][price_data][recurring][interval]", "month")
          .containsEntry("line_items[0][price_data][recurring][interval_count]", "3")
          .containsEntry("subscription_data[metadata][order_id]", orderId.toString())
          .containsEntry("metadata[order_id]", orderId.toString())
          .doesNotContainKeys("payment_intent_data[metadata][order_id]", "customer_email");
    }

    @Test
    void startFailsLoudlyWhenStripeRefuses() {
      stripe.answer(
          "POST",
          "/v1/checkout/sessions",
          400,
          """
          {"error": {"type": "invalid_request_error", "code": "amount_too_small",
                     "message": "Amount must be at least 50 cents"}}
          """);

      assertThatThrownBy(() -> gateway.start(oneOff))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Amount must be at least 50 cents");
    }

    @Test
    void queryReportsAPaidSession() {
      String sessionRef = StripeTestEvents.sessionRef(orderId);
      stripe.answer(
          "GET",
          "/v1/checkout/sessions/" + sessionRef,
          200,
          StripeTestEvents.checkoutSession(orderId, 9900, "cny", null, "complete", "paid"));

      Optional<VerifiedNotification> found =
          gateway.query(new PaymentQuery(orderId, sessionRef, Money.of(9900, "CNY")));

      assertThat(found)
          .hasValueSatisfying(
              n -> {
                assertThat(n.eventId()).isEqualTo("query:" + sessionRef);
                assertThat(n.type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
                assertThat(n.orderId()).isEqualTo(orderId);
                assertThat(n.amount()).isEqualTo(Money.of(9900, "CNY"));
                assertThat(n.paymentRef()).isEqualTo(StripeTestEvents.paymentIntentRef(orderId));
                assertThat(n.occurredAt()).isEqualTo(clock.instant());
              });
      assertThat(stripe.only("GET", "/v1/checkout/sessions/" + sessionRef).headers())
          .containsEntry("Authorization", List.of("Bearer " + SECRET_KEY));
    }

    @Test
    void queryIsEmptyForAnUnpaidOrUnknownSession() {
      String sessionRef = StripeTestEvents.sessionRef(orderId);
      stripe.answer(
          "GET",
          "/v1/checkout/sessions/" + sessionRef,
          200,
          StripeTestEvents.checkoutSession(orderId, 9900, "cny", null, "open", "unpaid"));

      assertThat(gateway.query(new PaymentQuery(orderId, sessionRef, Money.of(9900, "CNY"))))
          .isEmpty();
      assertThat(gateway.query(new PaymentQuery(orderId, "cs_test_gone", Money.of(1, "CNY"))))
          .isEmpty();
      assertThat(stripe.requests()).hasSize(2);
    }

    @Test
    void refundsThePaymentIntentWithOurIdsInTheMetadata() {
      UUID refundId = UUID.randomUUID();
      stripe.answer(
          "POST",
          "/v1/refunds",
          200,
          """
          {"id": "re_1Done", "object": "refund", "amount": 5000, "currency": "cny",
           "payment_intent": "pi_1Paid", "status": "succeeded"}
          """);

      RefundResult result = gateway.refund(refund(refundId, "pi_1Paid"));

      assertThat(result)
          .isEqualTo(new RefundResult(RefundResult.Status.SUCCEEDED, "re_1Done", null));
      Recorded call = stripe.only("POST", "/v1/refunds");
      assertThat(call.headers().getFirst("Idempotency-Key")).isEqualTo("refund-" + refundId);
      assertThat(call.form())
          .containsEntry("payment_intent", "pi_1Paid")
          .containsEntry("amount", "5000")
          .containsEntry("reason", "requested_by_customer")
          .containsEntry("metadata[order_id]", orderId.toString())
          .containsEntry("metadata[refund_id]", refundId.toString())
          .containsEntry("metadata[reason]", "Changed my mind");
    }

    @Test
    void aPendingRefundWaitsForItsNotification() {
      stripe.answer(
          "POST",
          "/v1/refunds",
          200,
          """
          {"id": "re_1Wait", "object": "refund", "amount": 5000, "currency": "cny",
           "status": "pending"}
          """);

      RefundResult result = gateway.refund(refund(UUID.randomUUID(), "pi_1Paid"));

      assertThat(result.status()).isEqualTo(RefundResult.Status.PENDING);
      assertThat(result.refundRef()).isEqualTo("re_1Wait");
    }

    @Test
    void aRefusedRefundFailsWithStripesMessage() {
      stripe.answer(
          "POST",
          "/v1/refunds",
          400,
          """
          {"error": {"type": "invalid_request_error", "code": "charge_already_refunded",
                     "message": "Charge ch_1 has already been refunded."}}
          """);

      RefundResult result = gateway.refund(refund(UUID.randomUUID(), "pi_1Paid"));

      assertThat(result.status()).isEqualTo(RefundResult.Status.FAILED);
      assertThat(result.refundRef()).isNull();
      assertThat(result.message()).isEqualTo("Charge ch_1 has already been refunded.");
    }

    @Test
    void refundsASubscriptionInvoiceThroughThePaymentThatPaidIt() {
      stripe.answer(
          "GET",
          "/v1/invoice_payments",
          200,
          """
          {"object": "list", "url": "/v1/invoice_payments", "has_more": false, "data": [
            {"id": "inpay_1", "object": "invoice_payment", "invoice": "in_1First",
             "status": "paid", "amount_paid": 3500, "currency": "cny",
             "payment": {"type": "payment_intent", "payment_intent": "pi_1Sub"}}]}
          """);
      stripe.answer(
          "POST",
          "/v1/refunds",
          200,
          """
          {"id": "re_1Sub", "object": "refund", "status": "succeeded"}
          """);

      RefundResult result = gateway.refund(refund(UUID.randomUUID(), "in_1First"));

      assertThat(result.status()).isEqualTo(RefundResult.Status.SUCCEEDED);
      Recorded lookup = stripe.only("GET", "/v1/invoice_payments");
      assertThat(lookup.query()).contains("invoice=in_1First").contains("status=paid");
      assertThat(stripe.only("POST", "/v1/refunds").form())
          .containsEntry("payment_intent", "pi_1Sub");
    }

    @Test
    void cancelsASubscriptionAtTheEndOfItsPeriod() {
      stripe.answer(
          "POST",
          "/v1/subscriptions/sub_1Xyz",
          200,
          """
          {"id": "sub_1Xyz", "object": "subscription", "cancel_at_period_end": true,
           "status": "active"}
          """);

      gateway.cancelSubscriptionAtPeriodEnd("sub_1Xyz", "cancel-sub_1Xyz");

      Recorded call = stripe.only("POST", "/v1/subscriptions/sub_1Xyz");
      assertThat(call.form()).containsEntry("cancel_at_period_end", "true");
      assertThat(call.headers().getFirst("Idempotency-Key")).isEqualTo("cancel-sub_1Xyz");
    }

    @Test
    void cancellingAGoneSubscriptionIsDoneButOtherFailuresAreThrown() {
      gateway.cancelSubscriptionAtPeriodEnd("sub_1Gone", "cancel-gone");
      stripe.answer(
          "POST",
          "/v1/subscriptions/sub_1Busy",
          400,
          """
          {"error": {"type": "invalid_request_error", "message": "Subscription is locked"}}
          """);

      assertThatThrownBy(() -> gateway.cancelSubscriptionAtPeriodEnd("sub_1Busy", "cancel-busy"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Subscription is locked");
      assertThat(stripe.requests()).hasSize(2);
    }

    private RefundRequest refund(UUID refundId, String paymentRef) {
      return new RefundRequest(
          refundId,
          orderId,
          paymentRef,
          Money.of(5000, "CNY"),
          Money.of(9900, "CNY"),
          "Changed my mind",
          "refund-" + refundId);
    }
  }

  private InboundNotification signed(String payload) {
    return StripeTestEvents.sign(SECRET, clock.instant(), payload);
  }

  record Recorded(
      String method, String path, String query, Headers headers, Map<String, String> form) {}

  /** A local stand-in for api.stripe.com: canned answers by method and path, calls recorded. */
  static final class StubStripe implements AutoCloseable {

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();

    StubStripe() {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.createContext("/", this::handle);
      server.start();
    }

    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String method, String path, int status, String body) {
      answers.put(method + " " + path, new String[] {String.valueOf(status), body});
    }

    List<Recorded> requests() {
      return requests;
    }

    Recorded only(String method, String path) {
      List<Recorded> matching =
          requests.stream()
              .filter(r -> r.method().equals(method) && r.path().equals(path))
              .toList();
      assertThat(matching).as(method + " " + path).hasSize(1);
      return matching.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      requests.add(
          new Recorded(
              exchange.getRequestMethod(),
              path,
              query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8),
              exchange.getRequestHeaders(),
              form(body)));
      String[] answer =
          answers.getOrDefault(
              exchange.getRequestMethod() + " " + path,
              new String[] {
                "404",
                "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\","
                    + " \"message\": \"No such object\"}}"
              });
      byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Request-Id", "req_stub");
      exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    private static Map<String, String> form(String body) {
      Map<String, String> form = new LinkedHashMap<>();
      if (body.isEmpty()) {
        return form;
      }
      for (String pair : body.split("&")) {
        String[] kv = pair.split("=", 2);
        form.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
      return form;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
