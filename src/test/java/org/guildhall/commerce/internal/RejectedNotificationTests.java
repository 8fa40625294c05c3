package org.guildhall.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.PriceLine;
import org.guildhall.commerce.gateway.InboundNotification;
import org.guildhall.commerce.gateway.alipay.AlipayTestNotifications;
import org.guildhall.commerce.gateway.stripe.StripeTestEvents;
import org.guildhall.commerce.gateway.wechat.WechatTestNotifications;
import org.guildhall.shared.Money;
import org.guildhall.support.MutableClock;
import org.guildhall.support.TestItems;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * For every gateway, through the real webhook endpoint: unsigned, wrong-key, one-byte-altered,
 * stale (> 300 s) and wrong-amount notifications are refused and change nothing (no inbox row, the
 * order still pending); then the genuine one is accepted and pays the order.
 */
@WebIntegrationTest
class RejectedNotificationTests {

  static final String STRIPE_SECRET = "whsec_test_" + UUID.randomUUID();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired OrderStore orders;
  @Autowired PaymentKeys keys;
  @Autowired MutableClock clock;
  PaymentsFixture f;

  @BeforeEach
  void setUp() {
    f = new PaymentsFixture(context, port);
    keys.put("stripe", "secret-key", "sk_test_dummy");
    keys.put("stripe", "webhook-secret", STRIPE_SECRET);
    AlipayTestNotifications.keyEntries().forEach((k, v) -> keys.put("alipay", k, v));
    WechatTestNotifications.keyEntries().forEach((k, v) -> keys.put("wechat", k, v));
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** A pending ¥50.00 order taken through {@code gateway}. */
  UUID pendingOrder(String gateway) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    Money total = TestItems.PRICE;
    orders.insert(
        new OrderRow(
            id,
            f.buyer(),
            TestItems.item("rejected"),
            "Test item",
            total,
            0,
            OrderStatus.PENDING,
            gateway,
            null,
            null,
            null,
            null,
            0,
            null,
            null,
            null,
            "k-" + id,
            now,
            now.plus(Duration.ofMinutes(30)),
            null,
            null,
            null),
        List.of(new PriceLine("TOTAL", "Total", total)));
    return id;
  }

  /** The genuine notification, a wrong-key one, a stale one and a wrong-amount one. */
  record Variants(
      InboundNotification genuine,
      InboundNotification unsigned,
      InboundNotification wrongKey,
      InboundNotification altered,
      InboundNotification stale,
      InboundNotification wrongAmount) {}

  Variants variants(String gateway, UUID order) {
    Instant now = clock.instant();
    Instant old = now.minusSeconds(301);
    long amount = TestItems.PRICE.minor();
    String event = "evt_" + UUID.randomUUID().toString().substring(0, 12);
    return switch (gateway) {
      case "sandbox" -> {
        String body = f.paid(order, TestItems.PRICE);
        String wrongAmountBody = f.paid(order, Money.of(amount - 1, "CNY"));
        SandboxGateway s = f.sandbox;
        String signature = s.signatureHeader(now.getEpochSecond(), body);
        String forged =
            "t=" + now.getEpochSecond() + ",v1=" + StripeTestEvents.v1("not-the-secret", now, body);
        yield new Variants(
            json(body, Map.of(SandboxGateway.SIGNATURE_HEADER, signature)),
            json(body, Map.of()),
            json(body, Map.of(SandboxGateway.SIGNATURE_HEADER, forged)),
            json(flipOneByte(body), Map.of(SandboxGateway.SIGNATURE_HEADER, signature)),
            json(
                body,
                Map.of(
                    SandboxGateway.SIGNATURE_HEADER,
                    s.signatureHeader(old.getEpochSecond(), body))),
            json(
                wrongAmountBody,
                Map.of(
                    SandboxGateway.SIGNATURE_HEADER,
                    s.signatureHeader(now.getEpochSecond(), wrongAmountBody))));
      }
      case "stripe" -> {
        InboundNotification genuine =
            StripeTestEvents.checkoutCompleted(
                STRIPE_SECRET, now, event, order, amount, "cny", null);
        yield new Variants(
            genuine,
            new InboundNotification(genuine.body(), Map.of(), Map.of()),
            StripeTestEvents.checkoutCompleted(
                "whsec_wrong", now, event, order, amount, "cny", null),
            new InboundNotification(flipOneByte(genuine.body()), genuine.headers(), Map.of()),
            StripeTestEvents.checkoutCompleted(
                STRIPE_SECRET, old, event, order, amount, "cny", null),
            StripeTestEvents.checkoutCompleted(
                STRIPE_SECRET, now, event, order, amount * 2, "cny", null));
      }
      case "alipay" -> {
        var params = AlipayTestNotifications.paymentParams(event, order, amount, "CNY", now);
        InboundNotification genuine = AlipayTestNotifications.signed(params);
        yield new Variants(
            genuine,
            AlipayTestNotifications.unsigned(params),
            AlipayTestNotifications.signedWith(
                params, AlipayTestNotifications.strangerPrivateKey()),
            AlipayTestNotifications.altered(genuine, "total_amount", "0.50"),
            AlipayTestNotifications.paymentSucceeded(event, order, amount, "CNY", old),
            AlipayTestNotifications.paymentSucceeded(event, order, amount + 100, "CNY", now));
      }
      case "wechat" -> {
        InboundNotification genuine =
            WechatTestNotifications.paymentSucceeded(event, order, amount, "CNY", now);
        Map<String, String> noSignature = new java.util.HashMap<>(genuine.headers());
        noSignature.keySet().removeIf(name -> name.equalsIgnoreCase("wechatpay-signature"));
        yield new Variants(
            genuine,
            new InboundNotification(genuine.body(), noSignature, Map.of()),
            WechatTestNotifications.signedWith(
                genuine.body(),
                now,
                WechatTestNotifications.strangerPrivateKey(),
                WechatTestNotifications.PLATFORM_PUBLIC_KEY_ID),
            WechatTestNotifications.withBody(genuine, flipOneByte(genuine.body())),
            WechatTestNotifications.paymentSucceeded(event, order, amount, "CNY", old),
            WechatTestNotifications.paymentSucceeded(event, order, amount - 1, "CNY", now));
      }
      default -> throw new IllegalArgumentException(gateway);
    };
  }

  static InboundNotification json(String body, Map<String, String> headers) {
    return new InboundNotification(body, headers, Map.of());
  }

  /**
   * Changes one byte inside the body (a digit of a number, or a letter), keeping it well-formed.
   */
  static String flipOneByte(String body) {
    int at = body.indexOf("\"amount");
    if (at < 0) {
      at = body.indexOf("\"id\"");
    }
    for (int i = at; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isDigit(c)) {
        return body.substring(0, i) + (c == '9' ? '8' : (char) (c + 1)) + body.substring(i + 1);
      }
    }
    throw new IllegalStateException("no digit to change");
  }

  /** Posts as the provider would; true when the provider would consider it accepted. */
  boolean accepted(String gateway, InboundNotification n) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(f.base() + "/api/v1/payments/notify/" + gateway))
            .POST(HttpRequest.BodyPublishers.ofString(n.body()));
    boolean form = !n.form().isEmpty();
    request.header(
        "Content-Type",
        form ? "application/x-www-form-urlencoded; charset=utf-8" : "application/json");
    n.headers()
        .forEach(
            (name, value) -> {
              if (!name.equalsIgnoreCase("content-type")) {
                request.header(name, value);
              }
            });
    HttpResponse<String> response =
        f.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    boolean ok = response.statusCode() / 100 == 2;
    return "alipay".equals(gateway) ? ok && "success".equals(response.body()) : ok;
  }

  @ParameterizedTest
  @ValueSource(strings = {"sandbox", "stripe", "alipay", "wechat"})
  void forgedStaleAndWrongNotificationsChangeNothing(String gateway) throws Exception {
    UUID order = pendingOrder(gateway);
    Variants v = variants(gateway, order);
    Map<String, InboundNotification> bad =
        Map.of(
            "unsigned", v.unsigned(),
            "wrong key", v.wrongKey(),
            "one byte altered", v.altered(),
            "stale", v.stale(),
            "wrong amount", v.wrongAmount());
    for (var entry : bad.entrySet()) {
      assertThat(accepted(gateway, entry.getValue())).as(gateway + ": " + entry.getKey()).isFalse();
      assertThat(f.order(order).status())
          .as(gateway + ": " + entry.getKey())
          .isEqualTo(OrderStatus.PENDING);
      assertThat(f.count("SELECT COUNT(*) FROM payment_notification WHERE order_id = ?", order))
          .as(gateway + ": " + entry.getKey())
          .isZero();
    }

    assertThat(accepted(gateway, v.genuine())).as(gateway + ": genuine").isTrue();
    assertThat(f.order(order).status()).isEqualTo(OrderStatus.PAID);
    assertThat(f.count("SELECT COUNT(*) FROM payment_notification WHERE order_id = ?", order))
        .isEqualTo(1);
  }
}
