package org.guildhall.commerce.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView;
import org.guildhall.identity.IdentityApi;
import org.guildhall.shared.Money;
import org.guildhall.support.People;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the commerce tests need: buyers, orders through the real checkout, and sandbox notifications
 * signed (or mis-signed) like the sandbox signs them, posted to the real endpoint.
 */
class PaymentsFixture {

  final CommerceApi commerce;
  final IdentityApi identity;
  final SandboxGateway sandbox;
  final SandboxDeliveries deliveries;
  final CommerceJobs jobs;
  final JdbcClient jdbc;
  final int port;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  PaymentsFixture(ApplicationContext context, int port) {
    this.commerce = context.getBean(CommerceApi.class);
    this.identity = context.getBean(IdentityApi.class);
    this.sandbox = context.getBean(SandboxGateway.class);
    this.deliveries = context.getBean(SandboxDeliveries.class);
    this.jobs = context.getBean(CommerceJobs.class);
    this.jdbc = context.getBean(JdbcClient.class);
    this.port = port;
  }

  String base() {
    return "http://localhost:" + port;
  }

  UUID buyer() {
    return People.provision(identity, "b").id();
  }

  CheckoutStart checkout(UUID buyer, ItemRef item) {
    return checkout(buyer, item, null, null, null);
  }

  CheckoutStart checkout(UUID buyer, ItemRef item, String coupon, UUID deal, UUID group) {
    return commerce.checkout(
        new CheckoutRequest(
            buyer,
            null,
            item,
            coupon,
            deal,
            group,
            "k-" + UUID.randomUUID(),
            Locale.ENGLISH,
            base()));
  }

  OrderView order(UUID id) {
    return commerce.order(id).orElseThrow();
  }

  String sessionOf(UUID orderId) {
    return jdbc.sql("SELECT session_ref FROM commerce_order WHERE id = ?")
        .param(orderId)
        .query(String.class)
        .single();
  }

  /** The buyer pays on the sandbox page and the sandbox's notifications are delivered. */
  OrderView payAndDeliver(UUID orderId) {
    sandbox.pay(sessionOf(orderId));
    deliveries.deliverDue();
    return awaitStatus(orderId, OrderStatus.PAID);
  }

  OrderView awaitStatus(UUID orderId, OrderStatus status) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> order(orderId), o -> o.status() == status);
  }

  /** A sandbox notification body for an order. */
  String event(
      String type,
      UUID orderId,
      Money amount,
      String paymentRef,
      String subscriptionRef,
      String refundRef,
      String billingReason) {
    return sandbox.body(
        sandbox.event(
            type, orderId, amount, paymentRef, subscriptionRef, refundRef, billingReason));
  }

  String paid(UUID orderId, Money amount) {
    return event(
        "payment.succeeded",
        orderId,
        amount,
        "pi_" + orderId.toString().substring(0, 8),
        null,
        null,
        null);
  }

  /** Signed now, as the sandbox signs. */
  String signature(String body) {
    return sandbox.signatureHeader(sandbox.clockSeconds(), body);
  }

  int post(String gateway, String body, Map<String, String> headers) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base() + "/api/v1/payments/notify/" + gateway))
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(request::header);
      if (!headers.containsKey("Content-Type")) {
        request.header("Content-Type", "application/json");
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  int postSandbox(String body) {
    return post("sandbox", body, Map.of(SandboxGateway.SIGNATURE_HEADER, signature(body)));
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
