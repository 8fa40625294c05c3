package org.guildhall.commerce.gateway.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guildhall.commerce.gateway.wechat.WechatTestNotifications.APP_ID;
import static org.guildhall.commerce.gateway.wechat.WechatTestNotifications.MERCHANT_ID;
import static org.guildhall.commerce.gateway.wechat.WechatTestNotifications.MERCHANT_SERIAL;
import static org.guildhall.commerce.gateway.wechat.WechatTestNotifications.PLATFORM_PUBLIC_KEY_ID;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.guildhall.commerce.gateway.StubProvider;
import org.guildhall.commerce.gateway.StubProvider.Recorded;
import org.guildhall.commerce.gateway.StubProvider.Reply;
import org.guildhall.commerce.gateway.VerifiedNotification;
import org.guildhall.commerce.gateway.VerifiedNotification.Type;
import org.guildhall.shared.Money;
import org.guildhall.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WechatPayGatewayTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Pattern AUTHORIZATION_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  final MutableClock clock = new MutableClock();
  final Map<String, String> settings = new HashMap<>(WechatTestNotifications.keyEntries());
  final GatewayKeys keys =
      (gateway, name) ->
          "wechat".equals(gateway) ? Optional.ofNullable(settings.get(name)) : Optional.empty();
  final UUID orderId = UUID.randomUUID();
  final String outTradeNo = orderId.toString().replace("-", "");

  StubProvider wechat;
  WechatPayGateway gateway;

  @BeforeEach
  void startWechatPay() {
    wechat = StubProvider.start();
    gateway = new WechatPayGateway(keys, clock, wechat.baseUrl());
  }

  @AfterEach
  void stopWechatPay() {
    wechat.close();
  }

  @Test
  void isConfiguredOnlyWithAllSevenKeys() {
    assertThat(gateway.id()).isEqualTo("wechat");
    assertThat(gateway.supportsRecurring()).isFalse();
    assertThat(gateway.configured()).isTrue();

    settings.remove("platform-public-key-id");

    assertThat(gateway.configured()).isFalse();
  }

  @Test
  void answersNoContentWhenAcceptedAndAJsonFailureOtherwise() {
    assertThat(gateway.accepted().status()).isEqualTo(204);
    assertThat(gateway.accepted().body()).isEmpty();
    assertThat(gateway.refused())
        .isEqualTo(
            NotificationAck.json(400, "{\"code\":\"FAIL\",\"message\":\"invalid notification\"}"));
  }

  @Test
  void mapsATransactionSuccessToPaymentSucceeded() throws Exception {
    Instant now = clock.instant();
    InboundNotification paid =
        WechatTestNotifications.paymentSucceeded("evt-1", orderId, 9900, "CNY", now);

    VerifiedNotification verified = gateway.verify(paid);

    assertThat(verified.eventId()).isEqualTo("evt-1");
    assertThat(verified.type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
    assertThat(verified.orderId()).isEqualTo(orderId);
    assertThat(verified.amount()).isEqualTo(Money.of(9900, "CNY"));
    assertThat(verified.paymentRef()).isEqualTo(WechatTestNotifications.transactionId(orderId));
    assertThat(verified.refundRef()).isNull();
    assertThat(verified.occurredAt()).isEqualTo(now.truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void mapsARefundSuccessToRefundSucceeded() throws Exception {
    InboundNotification refunded =
        WechatTestNotifications.refundSucceeded(
            "evt-2", orderId, "50300908092019", "refund-key-1", 1234, "CNY", clock.instant());

    VerifiedNotification verified = gateway.verify(refunded);

    assertThat(verified.eventId()).isEqualTo("evt-2");
    assertThat(verified.type()).isEqualTo(Type.REFUND_SUCCEEDED);
    assertThat(verified.orderId()).isEqualTo(orderId);
    assertThat(verified.amount()).isEqualTo(Money.of(1234, "CNY"));
    assertThat(verified.refundRef()).isEqualTo("50300908092019");
    assertThat(verified.paymentRef()).isEqualTo(WechatTestNotifications.transactionId(orderId));
  }

  @Test
  void ignoresOtherEvents() {
    String abnormal =
        WechatTestNotifications.refundJson(
            orderId, "5030001", "refund-key-2", "ABNORMAL", 1234, "CNY", clock.instant());
    InboundNotification notification =
        WechatTestNotifications.signed(
            WechatTestNotifications.envelope(
                "evt-3", "REFUND.ABNORMAL", "refund", abnormal, clock.instant()),
            clock.instant());

    assertThatThrownBy(() -> gateway.verify(notification))
        .isInstanceOf(IgnoredNotification.class)
        .hasMessageContaining("REFUND.ABNORMAL");
  }

  @Test
  void ignoresATransactionEventThatIsNotASuccess() {
    String notPaid =
        WechatTestNotifications.transactionJson(
            orderId, "4200001", "NOTPAY", 9900, "CNY", clock.instant());
    InboundNotification notification =
        WechatTestNotifications.signed(
            WechatTestNotifications.envelope(
                "evt-4", "TRANSACTION.SUCCESS", "transaction", notPaid, clock.instant()),
            clock.instant());

    assertThatThrownBy(() -> gateway.verify(notification)).isInstanceOf(IgnoredNotification.class);
  }

  @Test
  void rejectsANotificationWithoutSignature() {
    InboundNotification paid =
        WechatTestNotifications.paymentSucceeded("evt-5", orderId, 9900, "CNY", clock.instant());

    assertRejected(WechatTestNotifications.withHeader(paid, "Wechatpay-Signature", null));
    assertRejected(WechatTestNotifications.withHeader(paid, "Wechatpay-Nonce", null));
    assertRejected(WechatTestNotifications.withHeader(paid, "Wechatpay-Serial", null));
    assertRejected(WechatTestNotifications.withHeader(paid, "Wechatpay-Timestamp", null));
  }

  @Test
  void rejectsAnUnsignedNotificationEvenOfAnEventThatWouldBeIgnored() {
    String abnormal =
        WechatTestNotifications.refundJson(
            orderId, "5030001", "refund-key-2", "ABNORMAL", 1234, "CNY", clock.instant());
    InboundNotification notification =
        WechatTestNotifications.signed(
            WechatTestNotifications.envelope(
                "evt-6", "REFUND.ABNORMAL", "refund", abnormal, clock.instant()),
            clock.instant());

    assertRejected(WechatTestNotifications.withHeader(notification, "Wechatpay-Signature", null));
    assertRejected(
        WechatTestNotifications.withBody(
            notification, notification.body().replace("evt-6", "evt-7")));
  }

  @Test
  void rejectsANotificationSignedWithAnotherKey() {
    String body =
        WechatTestNotifications.envelope(
            "evt-8",
            "TRANSACTION.SUCCESS",
            "transaction",
            WechatTestNotifications.transactionJson(
                orderId, "4200001", "SUCCESS", 9900, "CNY", clock.instant()),
            clock.instant());

    assertRejected(
        WechatTestNotifications.signedWith(
            body,
            clock.instant(),
            WechatTestNotifications.strangerPrivateKey(),
            PLATFORM_PUBLIC_KEY_ID),
        "signature verification failed");
  }

  @Test
  void rejectsANotificationSignedUnderAnotherKeyId() {
    InboundNotification paid =
        WechatTestNotifications.paymentSucceeded("evt-9", orderId, 9900, "CNY", clock.instant());

    assertRejected(
        WechatTestNotifications.withHeader(
            paid, "Wechatpay-Serial", "PUB_KEY_ID_0119000001092026112500000002"));
  }

  @Test
  void rejectsANotificationWithOneByteChanged() {
    InboundNotification paid =
        WechatTestNotifications.paymentSucceeded("evt-10", orderId, 9900, "CNY", clock.instant());

    assertRejected(WechatTestNotifications.withBody(paid, paid.body().replace("evt-10", "evt-11")));
    assertRejected(WechatTestNotifications.withBody(paid, paid.body() + " "));
  }

  @Test
  void rejectsATamperedCiphertextEvenWhenTheBodyIsSigned() throws Exception {
    String body =
        WechatTestNotifications.envelope(
            "evt-12",
            "TRANSACTION.SUCCESS",
            "transaction",
            WechatTestNotifications.transactionJson(
                orderId, "4200001", "SUCCESS", 9900, "CNY", clock.instant()),
            clock.instant());
    JsonNode envelope = JSON.readTree(body);
    byte[] ciphertext =
        Base64.getDecoder().decode(envelope.path("resource").path("ciphertext").asString());
    ciphertext[10] ^= 0x01;
    String tampered =
        body.replace(
            envelope.path("resource").path("ciphertext").asString(),
            Base64.getEncoder().encodeToString(ciphertext));

    assertRejected(WechatTestNotifications.signed(tampered, clock.instant()), "Decryption failed");
  }

  @Test
  void rejectsATransactionOfAnotherMerchant() {
    String transaction =
        WechatTestNotifications.transactionJson(
                orderId, "4200001", "SUCCESS", 9900, "CNY", clock.instant())
            .replace(MERCHANT_ID, "1900000999");
    InboundNotification notification =
        WechatTestNotifications.signed(
            WechatTestNotifications.envelope(
                "evt-13", "TRANSACTION.SUCCESS", "transaction", transaction, clock.instant()),
            clock.instant());

    assertRejected(notification, "another merchant");
  }

  @Test
  void rejectsANotificationSignedMoreThan300SecondsAgo() {
    Instant signedAt = clock.instant().minusSeconds(301);

    assertRejected(
        WechatTestNotifications.paymentSucceeded("evt-14", orderId, 9900, "CNY", signedAt),
        "stale");
  }

  @Test
  void rejectsANotificationSignedInTheFuture() {
    Instant signedAt = clock.instant().plusSeconds(302);

    assertRejected(
        WechatTestNotifications.paymentSucceeded("evt-15", orderId, 9900, "CNY", signedAt));
  }

  @Test
  void acceptsANotificationSigned299SecondsAgo() throws Exception {
    Instant signedAt = clock.instant().minusSeconds(299);

    VerifiedNotification verified =
        gateway.verify(
            WechatTestNotifications.paymentSucceeded("evt-16", orderId, 9900, "CNY", signedAt));

    assertThat(verified.eventId()).isEqualTo("evt-16");
  }

  @Test
  void rejectsTheSameNotificationOnceTheClockHasMovedOn() throws Exception {
    InboundNotification paid =
        WechatTestNotifications.paymentSucceeded("evt-17", orderId, 9900, "CNY", clock.instant());
    assertThat(gateway.verify(paid).type()).isEqualTo(Type.PAYMENT_SUCCEEDED);

    clock.advance(Duration.ofMinutes(6));

    assertRejected(paid);
  }

  @Test
  void rejectsAMalformedTimestampOrBody() {
    InboundNotification paid =
        WechatTestNotifications.paymentSucceeded("evt-18", orderId, 9900, "CNY", clock.instant());

    assertRejected(WechatTestNotifications.withHeader(paid, "Wechatpay-Timestamp", "yesterday"));
    assertRejected(WechatTestNotifications.signed("not json", clock.instant()));
    assertRejected(WechatTestNotifications.signed("{\"id\":\"evt-19\"}", clock.instant()));
  }

  @Test
  void rejectsNotificationsWhileNotConfigured() {
    InboundNotification paid =
        WechatTestNotifications.paymentSucceeded("evt-20", orderId, 9900, "CNY", clock.instant());
    settings.remove("api-v3-key");

    assertRejected(paid);
  }

  @Test
  void startsANativePaymentAndReturnsTheCodeUrl() throws Exception {
    wechat.respond(
        request -> signedReply(200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=p4lpSuKzz\"}"));

    CheckoutRedirect redirect = gateway.start(paymentRequest(Money.of(9900, "CNY")));

    assertThat(redirect)
        .isEqualTo(CheckoutRedirect.to("weixin://wxpay/bizpayurl?pr=p4lpSuKzz", outTradeNo));
    Recorded request = wechat.onlyRequest();
    assertSignedByMerchant(request);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v3/pay/transactions/native");
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.path("appid").asString()).isEqualTo(APP_ID);
    assertThat(body.path("mchid").asString()).isEqualTo(MERCHANT_ID);
    assertThat(body.path("out_trade_no").asString()).isEqualTo(outTradeNo).hasSize(32);
    assertThat(body.path("description").asString()).isEqualTo("Premium 年度会员");
    assertThat(body.path("notify_url").asString())
        .isEqualTo("https://guildhall.test/payments/wechat/notify");
    assertThat(body.path("amount").path("total").asLong()).isEqualTo(9900);
    assertThat(body.path("amount").path("currency").asString()).isEqualTo("CNY");
    assertThat(request.header("Wechatpay-Serial")).isEqualTo(PLATFORM_PUBLIC_KEY_ID);
  }

  @Test
  void startRefusesAnAnswerWechatPayDidNotSign() {
    wechat.respond(
        request ->
            new Reply(
                200,
                Map.of("Content-Type", "application/json"),
                "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=forged\"}"));

    assertThatThrownBy(() -> gateway.start(paymentRequest(Money.of(9900, "CNY"))))
        .isInstanceOf(RuntimeException.class)
        .hasMessageNotContaining("forged");
  }

  @Test
  void startRefusesAnAnswerSignedLongAgo() {
    wechat.respond(
        request -> {
          String body = "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=replayed\"}";
          Map<String, String> headers =
              new LinkedHashMap<>(
                  WechatTestNotifications.responseHeaders(
                      body, Clock.systemUTC().instant().minus(Duration.ofMinutes(10))));
          headers.put("Content-Type", "application/json");
          return new Reply(200, headers, body);
        });

    assertThatThrownBy(() -> gateway.start(paymentRequest(Money.of(9900, "CNY"))))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void startsOnlyInYuan() {
    assertThatThrownBy(() -> gateway.start(paymentRequest(Money.of(9900, "USD"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(wechat.requests()).isEmpty();
  }

  @Test
  void queryReportsAPaidOrder() {
    Instant paidAt = clock.instant().minusSeconds(30);
    String transactionId = WechatTestNotifications.transactionId(orderId);
    wechat.respond(
        request ->
            signedReply(
                200,
                WechatTestNotifications.transactionJson(
                    orderId, transactionId, "SUCCESS", 9900, "CNY", paidAt)));

    Optional<VerifiedNotification> paid =
        gateway.query(new PaymentQuery(orderId, outTradeNo, Money.of(9900, "CNY")));

    assertThat(paid).isPresent();
    assertThat(paid.get().eventId()).isEqualTo("query:" + transactionId);
    assertThat(paid.get().type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
    assertThat(paid.get().orderId()).isEqualTo(orderId);
    assertThat(paid.get().amount()).isEqualTo(Money.of(9900, "CNY"));
    assertThat(paid.get().paymentRef()).isEqualTo(transactionId);
    assertThat(paid.get().occurredAt()).isEqualTo(paidAt.truncatedTo(ChronoUnit.SECONDS));
    Recorded request = wechat.onlyRequest();
    assertSignedByMerchant(request);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v3/pay/transactions/out-trade-no/" + outTradeNo);
    assertThat(request.queryParams()).containsEntry("mchid", MERCHANT_ID);
  }

  @Test
  void queryFindsNothingForAnUnpaidOrder() {
    wechat.respond(
        request ->
            signedReply(
                200,
                WechatTestNotifications.transactionJson(
                    orderId, null, "NOTPAY", 9900, "CNY", clock.instant())));

    assertThat(gateway.query(new PaymentQuery(orderId, outTradeNo, Money.of(9900, "CNY"))))
        .isEmpty();
  }

  @Test
  void queryFindsNothingForAnOrderWechatPayDoesNotKnow() {
    wechat.respond(
        request ->
            new Reply(
                404,
                Map.of("Content-Type", "application/json"),
                "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}"));

    assertThat(gateway.query(new PaymentQuery(orderId, outTradeNo, Money.of(9900, "CNY"))))
        .isEmpty();
  }

  @Test
  void refundsWithTheIdempotencyKeyAsRefundNumber() throws Exception {
    settings.put("refund-notify-url", "https://guildhall.test/payments/wechat/notify");
    wechat.respond(request -> signedReply(200, refundResponse("SUCCESS")));

    RefundResult result = gateway.refund(refundRequest("refund-key-42", 1234));

    assertThat(result)
        .isEqualTo(new RefundResult(RefundResult.Status.SUCCEEDED, "50300908092019", null));
    Recorded request = wechat.onlyRequest();
    assertSignedByMerchant(request);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v3/refund/domestic/refunds");
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.path("out_trade_no").asString()).isEqualTo(outTradeNo);
    assertThat(body.path("out_refund_no").asString()).isEqualTo("refund-key-42");
    assertThat(body.path("reason").asString()).isEqualTo("会员退款");
    assertThat(body.path("notify_url").asString())
        .isEqualTo("https://guildhall.test/payments/wechat/notify");
    assertThat(body.path("amount").path("refund").asLong()).isEqualTo(1234);
    assertThat(body.path("amount").path("total").asLong()).isEqualTo(9900);
    assertThat(body.path("amount").path("currency").asString()).isEqualTo("CNY");
  }

  @Test
  void aProcessingRefundIsPending() {
    wechat.respond(request -> signedReply(200, refundResponse("PROCESSING")));

    RefundResult result = gateway.refund(refundRequest("refund-key-43", 1234));

    assertThat(result)
        .isEqualTo(new RefundResult(RefundResult.Status.PENDING, "50300908092019", null));
    assertThat(JSON.readTree(wechat.onlyRequest().body()).has("notify_url")).isFalse();
  }

  @Test
  void aRefundWechatPayTurnsDownFailsWithItsMessage() {
    wechat.respond(
        request ->
            new Reply(
                403,
                Map.of("Content-Type", "application/json"),
                "{\"code\":\"NOT_ENOUGH\",\"message\":\"基本账户余额不足\"}"));

    RefundResult result = gateway.refund(refundRequest("refund-key-44", 1234));

    assertThat(result.status()).isEqualTo(RefundResult.Status.FAILED);
    assertThat(result.message()).contains("NOT_ENOUGH").contains("基本账户余额不足");
  }

  @Test
  void aRefundWithAnUnknownOutcomeIsThrownForARetry() {
    wechat.respond(
        request ->
            new Reply(
                500,
                Map.of("Content-Type", "application/json"),
                "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统超时\"}"));

    assertThatThrownBy(() -> gateway.refund(refundRequest("refund-key-45", 1234)))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void aRateLimitedRefundIsThrownForARetry() {
    wechat.respond(
        request ->
            new Reply(
                429,
                Map.of("Content-Type", "application/json"),
                "{\"code\":\"FREQUENCY_LIMITED\",\"message\":\"请求频率超限\"}"));

    assertThatThrownBy(() -> gateway.refund(refundRequest("refund-key-46", 1234)))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("FREQUENCY_LIMITED");
  }

  @Test
  void refusesARefundNumberWechatPayCannotTake() {
    assertThatThrownBy(() -> gateway.refund(refundRequest("x".repeat(65), 1234)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> gateway.refund(refundRequest("refund key", 1234)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(wechat.requests()).isEmpty();
  }

  private void assertRejected(InboundNotification notification) {
    assertRejected(notification, "");
  }

  private void assertRejected(InboundNotification notification, String why) {
    assertThatThrownBy(() -> gateway.verify(notification))
        .isInstanceOf(InvalidNotification.class)
        .isNotInstanceOf(IgnoredNotification.class)
        .hasStackTraceContaining(why);
  }

  private String refundResponse(String status) {
    return "{\"refund_id\":\"50300908092019\",\"out_refund_no\":\"refund-key-42\","
        + "\"transaction_id\":\""
        + WechatTestNotifications.transactionId(orderId)
        + "\",\"out_trade_no\":\""
        + outTradeNo
        + "\",\"channel\":\"ORIGINAL\",\"user_received_account\":\"支付用户零钱\","
        + "\"create_time\":\"2026-11-25T10:00:00+08:00\",\"status\":\""
        + status
        + "\",\"funds_account\":\"AVAILABLE\",\"amount\":{\"total\":9900,\"refund\":1234,"
        + "\"payer_total\":9900,\"payer_refund\":1234,\"settlement_refund\":1234,"
        + "\"settlement_total\":9900,\"discount_refund\":0,\"currency\":\"CNY\"}}";
  }

  /** A response signed by the platform key now (the SDK checks it against the system clock). */
  private static Reply signedReply(int status, String body) {
    Map<String, String> headers =
        new LinkedHashMap<>(
            WechatTestNotifications.responseHeaders(body, Clock.systemUTC().instant()));
    headers.put("Content-Type", "application/json; charset=utf-8");
    return new Reply(status, headers, body);
  }

  /** The request carries the merchant's signature over exactly what the provider received. */
  private static void assertSignedByMerchant(Recorded request) {
    String authorization = request.header("Authorization");
    assertThat(authorization).startsWith("WECHATPAY2-SHA256-RSA2048 ");
    Map<String, String> params = new HashMap<>();
    Matcher param = AUTHORIZATION_PARAM.matcher(authorization);
    while (param.find()) {
      params.put(param.group(1), param.group(2));
    }
    assertThat(params)
        .containsEntry("mchid", MERCHANT_ID)
        .containsEntry("serial_no", MERCHANT_SERIAL)
        .containsKeys("nonce_str", "timestamp", "signature");
    String target = request.path() + (request.query() == null ? "" : "?" + request.query());
    String message =
        request.method()
            + "\n"
            + target
            + "\n"
            + params.get("timestamp")
            + "\n"
            + params.get("nonce_str")
            + "\n"
            + request.body()
            + "\n";
    assertThat(
            WechatTestNotifications.verify(
                message, params.get("signature"), WechatTestNotifications.merchantPublicKey()))
        .as("signature over %s", message)
        .isTrue();
  }

  private PaymentRequest paymentRequest(Money amount) {
    return new PaymentRequest(
        orderId,
        amount,
        "Premium 年度会员",
        0,
        "https://guildhall.test/orders/" + orderId,
        "https://guildhall.test/orders/" + orderId + "/cancel",
        "https://guildhall.test/payments/wechat/notify",
        "pay-" + orderId,
        "buyer@guildhall.test");
  }

  private RefundRequest refundRequest(String idempotencyKey, long minor) {
    return new RefundRequest(
        UUID.randomUUID(),
        orderId,
        WechatTestNotifications.transactionId(orderId),
        Money.of(minor, "CNY"),
        Money.of(9900, "CNY"),
        "会员退款",
        idempotencyKey);
  }
}
