package org.guildhall.commerce.gateway.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guildhall.commerce.gateway.alipay.AlipayTestNotifications.ALIPAY_TIME;
import static org.guildhall.commerce.gateway.alipay.AlipayTestNotifications.APP_ID;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

class AlipayGatewayTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  final MutableClock clock = new MutableClock();
  final Map<String, String> settings = new HashMap<>(AlipayTestNotifications.keyEntries());
  final GatewayKeys keys =
      (gateway, name) ->
          "alipay".equals(gateway) ? Optional.ofNullable(settings.get(name)) : Optional.empty();
  final UUID orderId = UUID.randomUUID();

  StubProvider alipay;
  AlipayGateway gateway;

  @BeforeEach
  void startAlipay() {
    alipay = StubProvider.start();
    gateway = new AlipayGateway(keys, clock, alipay.baseUrl() + "/gateway.do");
  }

  @AfterEach
  void stopAlipay() {
    alipay.close();
  }

  @Test
  void isConfiguredOnlyWithAllThreeKeys() {
    assertThat(gateway.id()).isEqualTo("alipay");
    assertThat(gateway.supportsRecurring()).isFalse();
    assertThat(gateway.configured()).isTrue();

    settings.put("alipay-public-key", " ");

    assertThat(gateway.configured()).isFalse();
  }

  @Test
  void answersSuccessToStopRetriesAndFailureOtherwise() {
    assertThat(gateway.accepted()).isEqualTo(new NotificationAck(200, "text/plain", "success"));
    assertThat(gateway.refused()).isEqualTo(new NotificationAck(400, "text/plain", "failure"));
  }

  @Test
  void mapsAPaidTradeToPaymentSucceeded() throws Exception {
    InboundNotification paid =
        AlipayTestNotifications.paymentSucceeded("n-1", orderId, 9900, "CNY", clock.instant());

    VerifiedNotification verified = gateway.verify(paid);

    assertThat(verified.eventId()).isEqualTo("n-1");
    assertThat(verified.type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
    assertThat(verified.orderId()).isEqualTo(orderId);
    assertThat(verified.amount()).isEqualTo(Money.of(9900, "CNY"));
    assertThat(verified.paymentRef()).isEqualTo(AlipayTestNotifications.tradeNo(orderId));
    assertThat(verified.refundRef()).isNull();
    assertThat(verified.occurredAt())
        .isEqualTo(Instant.from(ALIPAY_TIME.parse(paid.form().get("gmt_payment").get(0))));
  }

  @Test
  void mapsAFinishedTradeToPaymentSucceeded() throws Exception {
    Map<String, String> params =
        AlipayTestNotifications.paymentParams("n-2", orderId, 100, "CNY", clock.instant());
    params.put("trade_status", "TRADE_FINISHED");

    VerifiedNotification verified = gateway.verify(AlipayTestNotifications.signed(params));

    assertThat(verified.type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
    assertThat(verified.amount()).isEqualTo(Money.of(100, "CNY"));
  }

  @Test
  void mapsAPartialRefundToRefundSucceeded() throws Exception {
    InboundNotification refunded =
        AlipayTestNotifications.refundSucceeded(
            "n-3", orderId, "refund-key-1", 1234, 9900, "CNY", clock.instant());

    VerifiedNotification verified = gateway.verify(refunded);

    assertThat(verified.eventId()).isEqualTo("n-3");
    assertThat(verified.type()).isEqualTo(Type.REFUND_SUCCEEDED);
    assertThat(verified.orderId()).isEqualTo(orderId);
    assertThat(verified.amount()).isEqualTo(Money.of(1234, "CNY"));
    assertThat(verified.refundRef()).isEqualTo("refund-key-1");
    assertThat(verified.paymentRef()).isEqualTo(AlipayTestNotifications.tradeNo(orderId));
  }

  @Test
  void mapsAFullRefundToRefundSucceededThoughTheTradeIsClosed() throws Exception {
    InboundNotification refunded =
        AlipayTestNotifications.refundSucceeded("n-4", orderId, 9900, "CNY", clock.instant());

    VerifiedNotification verified = gateway.verify(refunded);

    assertThat(verified.type()).isEqualTo(Type.REFUND_SUCCEEDED);
    assertThat(verified.amount()).isEqualTo(Money.of(9900, "CNY"));
    assertThat(verified.refundRef()).isNull();
  }

  @Test
  void mapsAClosedTradeToPaymentFailed() throws Exception {
    Map<String, String> params =
        AlipayTestNotifications.paymentParams("n-5", orderId, 9900, "CNY", clock.instant());
    params.put("trade_status", "TRADE_CLOSED");
    params.remove("gmt_payment");

    VerifiedNotification verified = gateway.verify(AlipayTestNotifications.signed(params));

    assertThat(verified.type()).isEqualTo(Type.PAYMENT_FAILED);
    assertThat(verified.orderId()).isEqualTo(orderId);
    assertThat(verified.eventId()).isEqualTo("n-5");
  }

  @Test
  void ignoresATradeWaitingForTheBuyer() {
    Map<String, String> params =
        AlipayTestNotifications.paymentParams("n-6", orderId, 9900, "CNY", clock.instant());
    params.put("trade_status", "WAIT_BUYER_PAY");

    assertThatThrownBy(() -> gateway.verify(AlipayTestNotifications.signed(params)))
        .isInstanceOf(IgnoredNotification.class)
        .hasMessageContaining("WAIT_BUYER_PAY");
  }

  @Test
  void rejectsAnUnsignedNotification() {
    Map<String, String> params =
        AlipayTestNotifications.paymentParams("n-7", orderId, 9900, "CNY", clock.instant());

    assertRejected(AlipayTestNotifications.unsigned(params), "not signed");
  }

  @Test
  void rejectsAnUnsignedNotificationEvenWithAStatusThatWouldBeIgnored() {
    Map<String, String> params =
        AlipayTestNotifications.paymentParams("n-8", orderId, 9900, "CNY", clock.instant());
    params.put("trade_status", "WAIT_BUYER_PAY");

    assertRejected(AlipayTestNotifications.unsigned(params));
  }

  @Test
  void rejectsANotificationSignedWithAnotherKey() {
    Map<String, String> params =
        AlipayTestNotifications.paymentParams("n-9", orderId, 9900, "CNY", clock.instant());

    assertRejected(
        AlipayTestNotifications.signedWith(params, AlipayTestNotifications.strangerPrivateKey()),
        "does not match");
  }

  @Test
  void rejectsANotificationWithAnAlteredParameter() {
    InboundNotification paid =
        AlipayTestNotifications.paymentSucceeded("n-10", orderId, 9900, "CNY", clock.instant());

    assertRejected(AlipayTestNotifications.altered(paid, "total_amount", "0.01"), "does not match");
    assertRejected(
        AlipayTestNotifications.altered(paid, "out_trade_no", UUID.randomUUID().toString()));
    assertRejected(AlipayTestNotifications.altered(paid, "refund_fee", "99.00"));
  }

  @Test
  void rejectsAParameterSentTwice() {
    InboundNotification paid =
        AlipayTestNotifications.paymentSucceeded("n-11", orderId, 9900, "CNY", clock.instant());
    Map<String, List<String>> form = new LinkedHashMap<>(paid.form());
    form.put("total_amount", List.of("99.00", "0.01"));

    assertRejected(new InboundNotification(paid.body(), paid.headers(), form));
  }

  @Test
  void rejectsANotificationSignedForAnotherApp() {
    Map<String, String> params =
        AlipayTestNotifications.paymentParams("n-12", orderId, 9900, "CNY", clock.instant());
    params.put("app_id", "2021000000009999");

    assertRejected(AlipayTestNotifications.signed(params), "another app");
  }

  @Test
  void rejectsANotificationOlderThan300Seconds() {
    InboundNotification stale =
        AlipayTestNotifications.paymentSucceeded(
            "n-13", orderId, 9900, "CNY", clock.instant().minusSeconds(301));

    assertRejected(stale, "stale");
  }

  @Test
  void rejectsANotificationFromTheFuture() {
    InboundNotification early =
        AlipayTestNotifications.paymentSucceeded(
            "n-14", orderId, 9900, "CNY", clock.instant().plusSeconds(302));

    assertRejected(early, "stale");
  }

  @Test
  void acceptsANotification299SecondsOld() throws Exception {
    InboundNotification late =
        AlipayTestNotifications.paymentSucceeded(
            "n-15", orderId, 9900, "CNY", clock.instant().minusSeconds(299));

    assertThat(gateway.verify(late).type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
  }

  @Test
  void rejectsTheSameNotificationOnceTheClockHasMovedOn() throws Exception {
    InboundNotification paid =
        AlipayTestNotifications.paymentSucceeded("n-16", orderId, 9900, "CNY", clock.instant());
    assertThat(gateway.verify(paid).eventId()).isEqualTo("n-16");

    clock.advance(Duration.ofMinutes(6));

    assertRejected(paid);
  }

  @Test
  void rejectsNotificationsWhileNotConfigured() {
    InboundNotification paid =
        AlipayTestNotifications.paymentSucceeded("n-17", orderId, 9900, "CNY", clock.instant());
    settings.remove("alipay-public-key");

    assertRejected(paid);
  }

  @Test
  void startsAPagePaySignedWithTheApplicationKey() throws Exception {
    CheckoutRedirect redirect = gateway.start(paymentRequest(Money.of(9900, "CNY")));

    assertThat(redirect.url()).isNull();
    assertThat(redirect.sessionRef()).isEqualTo(orderId.toString());
    Map<String, String> params = formFields(redirect.html());
    assertThat(params)
        .containsEntry("method", "alipay.trade.page.pay")
        .containsEntry("app_id", APP_ID)
        .containsEntry("sign_type", "RSA2")
        .containsEntry("charset", "UTF-8")
        .containsEntry("notify_url", "https://guildhall.test/payments/alipay/notify")
        .containsEntry("return_url", "https://guildhall.test/orders/" + orderId);
    JsonNode biz = JSON.readTree(params.get("biz_content"));
    assertThat(biz.path("out_trade_no").asString()).isEqualTo(orderId.toString());
    assertThat(biz.path("total_amount").asString()).isEqualTo("99.00");
    assertThat(biz.path("subject").asString()).isEqualTo("Premium 年度会员");
    assertThat(biz.path("product_code").asString()).isEqualTo("FAST_INSTANT_TRADE_PAY");
    assertThat(
            AlipayTestNotifications.verify(
                AlipayTestNotifications.requestSignContent(params),
                params.get("sign"),
                AlipayTestNotifications.merchantPublicKey()))
        .as("Alipay can check the form's signature with the application's public key")
        .isTrue();
    assertThat(alipay.requests()).as("page pay is a form the browser posts").isEmpty();
  }

  @Test
  void startsOnlyInYuan() {
    assertThatThrownBy(() -> gateway.start(paymentRequest(Money.of(9900, "USD"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void queryReportsAPaidTrade() {
    String tradeNo = AlipayTestNotifications.tradeNo(orderId);
    alipay.respond(
        request ->
            reply(
                "alipay.trade.query",
                "{\"code\":\"10000\",\"msg\":\"Success\",\"buyer_logon_id\":\"159****5620\","
                    + "\"out_trade_no\":\""
                    + orderId
                    + "\",\"send_pay_date\":\"2026-11-20 15:45:57\",\"total_amount\":\"99.00\","
                    + "\"trade_no\":\""
                    + tradeNo
                    + "\",\"trade_status\":\"TRADE_SUCCESS\"}"));

    Optional<VerifiedNotification> paid =
        gateway.query(new PaymentQuery(orderId, orderId.toString(), Money.of(9900, "CNY")));

    assertThat(paid).isPresent();
    assertThat(paid.get().eventId()).isEqualTo("query:" + tradeNo);
    assertThat(paid.get().type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
    assertThat(paid.get().orderId()).isEqualTo(orderId);
    assertThat(paid.get().amount()).isEqualTo(Money.of(9900, "CNY"));
    assertThat(paid.get().paymentRef()).isEqualTo(tradeNo);
    assertThat(paid.get().occurredAt())
        .isEqualTo(Instant.from(ALIPAY_TIME.parse("2026-11-20 15:45:57")));
    Map<String, String> sent = signedRequestParams(alipay.onlyRequest());
    assertThat(sent).containsEntry("method", "alipay.trade.query");
    assertThat(JSON.readTree(sent.get("biz_content")).path("out_trade_no").asString())
        .isEqualTo(orderId.toString());
  }

  @Test
  void queryFindsNothingWhileTheBuyerHasNotPaid() {
    alipay.respond(
        request ->
            reply(
                "alipay.trade.query",
                "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\""
                    + orderId
                    + "\",\"total_amount\":\"99.00\",\"trade_no\":\"2026001\","
                    + "\"trade_status\":\"WAIT_BUYER_PAY\"}"));

    assertThat(gateway.query(new PaymentQuery(orderId, null, Money.of(9900, "CNY")))).isEmpty();
  }

  @Test
  void queryFindsNothingForATradeAlipayDoesNotKnow() {
    alipay.respond(
        request ->
            reply(
                "alipay.trade.query",
                "{\"code\":\"40004\",\"msg\":\"Business Failed\","
                    + "\"sub_code\":\"ACQ.TRADE_NOT_EXIST\",\"sub_msg\":\"交易不存在\"}"));

    assertThat(gateway.query(new PaymentQuery(orderId, null, Money.of(9900, "CNY")))).isEmpty();
  }

  @Test
  void queryRefusesAnAnswerAlipayDidNotSign() {
    String forged =
        "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\""
            + orderId
            + "\",\"total_amount\":\"99.00\",\"trade_no\":\"2026001\","
            + "\"trade_status\":\"TRADE_SUCCESS\"}";
    alipay.respond(
        request ->
            new Reply(
                200,
                Map.of("Content-Type", "text/html;charset=utf-8"),
                AlipayTestNotifications.apiResponse(
                    "alipay.trade.query", forged, AlipayTestNotifications.strangerPrivateKey())));

    assertThatThrownBy(() -> gateway.query(new PaymentQuery(orderId, null, Money.of(9900, "CNY"))))
        .isInstanceOf(IllegalStateException.class)
        .hasStackTraceContaining("sign check fail");
  }

  @Test
  void refundsAtOnceWithTheIdempotencyKeyAsRequestNumber() {
    alipay.respond(
        request ->
            reply(
                "alipay.trade.refund",
                "{\"code\":\"10000\",\"msg\":\"Success\",\"fund_change\":\"Y\","
                    + "\"out_trade_no\":\""
                    + orderId
                    + "\",\"refund_fee\":\"12.34\",\"trade_no\":\"2026001\"}"));

    RefundResult result = gateway.refund(refundRequest("refund-key-42", 1234));

    assertThat(result)
        .isEqualTo(new RefundResult(RefundResult.Status.SUCCEEDED, "refund-key-42", null));
    Map<String, String> sent = signedRequestParams(alipay.onlyRequest());
    assertThat(sent).containsEntry("method", "alipay.trade.refund");
    JsonNode biz = JSON.readTree(sent.get("biz_content"));
    assertThat(biz.path("out_trade_no").asString()).isEqualTo(orderId.toString());
    assertThat(biz.path("refund_amount").asString()).isEqualTo("12.34");
    assertThat(biz.path("out_request_no").asString()).isEqualTo("refund-key-42");
    assertThat(biz.path("refund_reason").asString()).isEqualTo("会员退款");
  }

  @Test
  void aRepeatedRefundThatMovesNoFundsIsConfirmedByARefundQuery() {
    alipay.respond(
        request -> {
          String method = request.queryParams().get("method");
          if ("alipay.trade.refund".equals(method)) {
            return reply(
                method,
                "{\"code\":\"10000\",\"msg\":\"Success\",\"fund_change\":\"N\","
                    + "\"refund_fee\":\"12.34\",\"trade_no\":\"2026001\"}");
          }
          return reply(
              method,
              "{\"code\":\"10000\",\"msg\":\"Success\",\"out_request_no\":\"refund-key-42\","
                  + "\"refund_amount\":\"12.34\",\"refund_status\":\"REFUND_SUCCESS\"}");
        });

    RefundResult result = gateway.refund(refundRequest("refund-key-42", 1234));

    assertThat(result.status()).isEqualTo(RefundResult.Status.SUCCEEDED);
    assertThat(alipay.requests()).hasSize(2);
    Map<String, String> query = signedRequestParams(alipay.requests().get(1));
    assertThat(query).containsEntry("method", "alipay.trade.fastpay.refund.query");
    assertThat(JSON.readTree(query.get("biz_content")).path("out_request_no").asString())
        .isEqualTo("refund-key-42");
  }

  @Test
  void aRefundAlipayTurnsDownFailsWithItsMessage() {
    alipay.respond(
        request ->
            reply(
                "alipay.trade.refund",
                "{\"code\":\"40004\",\"msg\":\"Business Failed\","
                    + "\"sub_code\":\"ACQ.REFUND_AMT_NOT_EQUAL_TOTAL\",\"sub_msg\":\"退款金额超限\"}"));

    RefundResult result = gateway.refund(refundRequest("refund-key-43", 99900));

    assertThat(result.status()).isEqualTo(RefundResult.Status.FAILED);
    assertThat(result.refundRef()).isNull();
    assertThat(result.message()).contains("退款金额超限").contains("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL");
  }

  @Test
  void aRefundWithAnUnknownOutcomeIsThrownForARetry() {
    alipay.respond(
        request ->
            reply(
                "alipay.trade.refund",
                "{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\","
                    + "\"sub_code\":\"ACQ.SYSTEM_ERROR\",\"sub_msg\":\"系统错误\"}"));

    assertThatThrownBy(() -> gateway.refund(refundRequest("refund-key-44", 1234)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ACQ.SYSTEM_ERROR");
  }

  private void assertRejected(InboundNotification notification) {
    assertRejected(notification, "");
  }

  private void assertRejected(InboundNotification notification, String why) {
    assertThatThrownBy(() -> gateway.verify(notification))
        .isInstanceOf(InvalidNotification.class)
        .isNotInstanceOf(IgnoredNotification.class)
        .hasMessageContaining(why);
  }

  private PaymentRequest paymentRequest(Money amount) {
    return new PaymentRequest(
        orderId,
        amount,
        "Premium 年度会员",
        0,
        "https://guildhall.test/orders/" + orderId,
        "https://guildhall.test/orders/" + orderId + "/cancel",
        "https://guildhall.test/payments/alipay/notify",
        "pay-" + orderId,
        "buyer@guildhall.test");
  }

  private RefundRequest refundRequest(String idempotencyKey, long minor) {
    return new RefundRequest(
        UUID.randomUUID(),
        orderId,
        AlipayTestNotifications.tradeNo(orderId),
        Money.of(minor, "CNY"),
        Money.of(9900, "CNY"),
        "会员退款",
        idempotencyKey);
  }

  private static Reply reply(String method, String responseJson) {
    return new Reply(
        200,
        Map.of("Content-Type", "text/html;charset=utf-8"),
        AlipayTestNotifications.apiResponse(
            method, responseJson, AlipayTestNotifications.alipayPrivateKey()));
  }

  /** The request's parameters (query and form), after checking the application signed them. */
  private static Map<String, String> signedRequestParams(Recorded request) {
    Map<String, String> params = new HashMap<>(request.queryParams());
    params.putAll(request.formParams());
    assertThat(
            AlipayTestNotifications.verify(
                AlipayTestNotifications.requestSignContent(params),
                params.get("sign"),
                AlipayTestNotifications.merchantPublicKey()))
        .as("the request is signed with the application's key")
        .isTrue();
    return params;
  }

  /** The parameters a page-pay form posts: those in its action URL and its hidden inputs. */
  private static Map<String, String> formFields(String html) {
    Map<String, String> params = new HashMap<>();
    Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(html);
    assertThat(action.find()).as("form action in %s", html).isTrue();
    String url = unescape(action.group(1));
    params.putAll(
        new Recorded("POST", "", url.substring(url.indexOf('?') + 1), Map.of(), "").queryParams());
    Matcher input = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
    while (input.find()) {
      params.put(input.group(1), unescape(input.group(2)));
    }
    return params;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
