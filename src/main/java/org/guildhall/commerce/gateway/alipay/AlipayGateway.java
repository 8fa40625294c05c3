package org.guildhall.commerce.gateway.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradePagePayModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.guildhall.commerce.gateway.CheckoutRedirect;
import org.guildhall.commerce.gateway.GatewayKeys;
import org.guildhall.commerce.gateway.IgnoredNotification;
import org.guildhall.commerce.gateway.InboundNotification;
import org.guildhall.commerce.gateway.InvalidNotification;
import org.guildhall.commerce.gateway.NotificationAck;
import org.guildhall.commerce.gateway.PaymentGateway;
import org.guildhall.commerce.gateway.PaymentQuery;
import org.guildhall.commerce.gateway.PaymentRequest;
import org.guildhall.commerce.gateway.RefundRequest;
import org.guildhall.commerce.gateway.RefundResult;
import org.guildhall.commerce.gateway.VerifiedNotification;
import org.guildhall.commerce.gateway.VerifiedNotification.Type;
import org.guildhall.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Alipay (支付宝) computer-website payment through the official SDK, in public-key mode (RSA2).
 *
 * <p>The buyer is sent to Alipay with an auto-submitting form ({@code alipay.trade.page.pay});
 * Alipay then posts an asynchronous notification with form parameters signed with its key. Alipay
 * settles refunds synchronously, so {@link #refund} answers {@code SUCCEEDED} at once.
 *
 * <p>Keys ({@link GatewayKeys}, gateway {@code alipay}): {@code app-id}, {@code private-key} (the
 * application's RSA2 private key, PKCS#8 base64) and {@code alipay-public-key} (Alipay's public
 * key, X.509 base64). Setting {@code guildhall.payments.alipay.server-url} points the SDK elsewhere
 * (the sandbox: {@code https://openapi-sandbox.dl.alipaydev.com/gateway.do}).
 */
@Component
public class AlipayGateway implements PaymentGateway {

  static final String ID = "alipay";
  static final Duration TOLERANCE = Duration.ofSeconds(300);

  private static final String CHARSET = "UTF-8";
  private static final String SIGN_TYPE = "RSA2";
  private static final String SUCCESS_CODE = "10000";
  private static final String UNKNOWN_STATE_CODE = "20000";
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Set<String> PAID = Set.of("TRADE_SUCCESS", "TRADE_FINISHED");
  private static final int MAX_SUBJECT_LENGTH = 256;
  private static final int MAX_REFUND_REASON_LENGTH = 256;

  /** Alipay's timestamps: Beijing time, to the second ({@code gmt_refund} adds milliseconds). */
  private static final DateTimeFormatter ALIPAY_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withZone(ZoneId.of("Asia/Shanghai"));

  private final GatewayKeys keys;
  private final Clock clock;
  private final String serverUrl;
  private final AtomicReference<CachedClient> client = new AtomicReference<>();

  public AlipayGateway(
      GatewayKeys keys,
      Clock clock,
      @Value("${guildhall.payments.alipay.server-url:https://openapi.alipay.com/gateway.do}")
          String serverUrl) {
    this.keys = keys;
    this.clock = clock;
    this.serverUrl = serverUrl;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean configured() {
    return keys.has(ID, "app-id", "private-key", "alipay-public-key");
  }

  @Override
  public boolean supportsRecurring() {
    return false;
  }

  @Override
  public CheckoutRedirect start(PaymentRequest request) {
    AlipayTradePagePayModel model = new AlipayTradePagePayModel();
    model.setOutTradeNo(request.orderId().toString());
    model.setTotalAmount(yuan(request.amount()));
    model.setSubject(truncate(request.description(), MAX_SUBJECT_LENGTH));
    model.setProductCode("FAST_INSTANT_TRADE_PAY");
    AlipayTradePagePayRequest pagePay = new AlipayTradePagePayRequest();
    pagePay.setBizModel(model);
    pagePay.setNotifyUrl(request.notifyUrl());
    pagePay.setReturnUrl(request.returnUrl());
    try {
      String html = client().pageExecute(pagePay, "POST").getBody();
      return CheckoutRedirect.form(html, request.orderId().toString());
    } catch (AlipayApiException e) {
      throw new IllegalStateException("Alipay page pay could not be prepared", e);
    }
  }

  @Override
  public VerifiedNotification verify(InboundNotification inbound) throws InvalidNotification {
    Map<String, String> params = singleValued(inbound.form());
    Settings settings;
    try {
      settings = settings();
    } catch (IllegalStateException e) {
      throw new InvalidNotification("Alipay is not configured", e);
    }
    String sign = params.get("sign");
    if (sign == null || sign.isBlank()) {
      throw new InvalidNotification("Alipay notification is not signed");
    }
    boolean signed;
    try {
      signed = AlipaySignature.verifyV1(params, settings.alipayPublicKey(), CHARSET, SIGN_TYPE);
    } catch (AlipayApiException | RuntimeException e) {
      throw new InvalidNotification("Alipay signature could not be checked", e);
    }
    if (!signed) {
      throw new InvalidNotification("Alipay signature does not match");
    }
    if (!settings.appId().equals(params.get("app_id"))) {
      throw new InvalidNotification("Alipay notification is for another app");
    }
    Instant notifiedAt = time(params, "notify_time");
    if (Duration.between(notifiedAt, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
      throw new InvalidNotification("Alipay notification is stale: notify_time " + notifiedAt);
    }
    return toVerified(params, notifiedAt);
  }

  private VerifiedNotification toVerified(Map<String, String> params, Instant notifiedAt)
      throws InvalidNotification {
    String notifyId = required(params, "notify_id");
    String tradeStatus = params.getOrDefault("trade_status", "");
    String tradeNo = params.get("trade_no");
    if (isRefund(params)) {
      return new VerifiedNotification(
          notifyId,
          Type.REFUND_SUCCEEDED,
          orderId(params),
          money(required(params, "refund_fee")),
          tradeNo,
          null,
          params.get("out_biz_no"),
          optionalTime(params, "gmt_refund").orElse(notifiedAt));
    }
    if (PAID.contains(tradeStatus)) {
      return new VerifiedNotification(
          notifyId,
          Type.PAYMENT_SUCCEEDED,
          orderId(params),
          money(required(params, "total_amount")),
          required(params, "trade_no"),
          null,
          null,
          optionalTime(params, "gmt_payment").orElse(notifiedAt));
    }
    if ("TRADE_CLOSED".equals(tradeStatus)) {
      return new VerifiedNotification(
          notifyId,
          Type.PAYMENT_FAILED,
          orderId(params),
          money(required(params, "total_amount")),
          tradeNo,
          null,
          null,
          optionalTime(params, "gmt_close").orElse(notifiedAt));
    }
    throw new IgnoredNotification("Alipay trade status " + tradeStatus + " needs no action");
  }

  /**
   * A (partial) refund is notified with the trade's status (TRADE_SUCCESS, or TRADE_CLOSED once all
   * is refunded) plus the refund's fields.
   */
  private static boolean isRefund(Map<String, String> params) throws InvalidNotification {
    if (params.containsKey("gmt_refund")) {
      return true;
    }
    String refundFee = params.get("refund_fee");
    return refundFee != null && !refundFee.isBlank() && money(refundFee).minor() > 0;
  }

  @Override
  public NotificationAck accepted() {
    return NotificationAck.text(200, "success");
  }

  @Override
  public NotificationAck refused() {
    return NotificationAck.text(400, "failure");
  }

  @Override
  public Optional<VerifiedNotification> query(PaymentQuery query) {
    AlipayTradeQueryModel model = new AlipayTradeQueryModel();
    model.setOutTradeNo(query.orderId().toString());
    AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
    request.setBizModel(model);
    AlipayTradeQueryResponse response = execute(request);
    if (!SUCCESS_CODE.equals(response.getCode()) || !PAID.contains(response.getTradeStatus())) {
      return Optional.empty();
    }
    Instant paidAt =
        response.getSendPayDate() == null ? clock.instant() : response.getSendPayDate().toInstant();
    return Optional.of(
        new VerifiedNotification(
            "query:" + response.getTradeNo(),
            Type.PAYMENT_SUCCEEDED,
            query.orderId(),
            responseMoney(response.getTotalAmount()),
            response.getTradeNo(),
            null,
            null,
            paidAt));
  }

  /**
   * Refunds at once. The idempotency key is Alipay's {@code out_request_no}: repeating a refund
   * that went through answers success without moving funds again ({@code fund_change = N}), which
   * is then confirmed with a refund query. A system error leaves the outcome unknown and is thrown,
   * so the caller retries with the same key.
   */
  @Override
  public RefundResult refund(RefundRequest request) {
    AlipayTradeRefundModel model = new AlipayTradeRefundModel();
    model.setOutTradeNo(request.orderId().toString());
    model.setRefundAmount(yuan(request.amount()));
    model.setOutRequestNo(request.idempotencyKey());
    model.setRefundReason(truncate(request.reason(), MAX_REFUND_REASON_LENGTH));
    AlipayTradeRefundRequest refund = new AlipayTradeRefundRequest();
    refund.setBizModel(model);
    AlipayTradeRefundResponse response = execute(refund);
    if (UNKNOWN_STATE_CODE.equals(response.getCode())) {
      throw new IllegalStateException("Alipay refund outcome unknown: " + describe(response));
    }
    if (!SUCCESS_CODE.equals(response.getCode())) {
      return new RefundResult(RefundResult.Status.FAILED, null, describe(response));
    }
    if ("Y".equals(response.getFundChange()) || refundConfirmed(request)) {
      return new RefundResult(RefundResult.Status.SUCCEEDED, request.idempotencyKey(), null);
    }
    return new RefundResult(
        RefundResult.Status.FAILED, null, "Alipay accepted the refund but moved no funds");
  }

  private boolean refundConfirmed(RefundRequest request) {
    AlipayTradeFastpayRefundQueryModel model = new AlipayTradeFastpayRefundQueryModel();
    model.setOutTradeNo(request.orderId().toString());
    model.setOutRequestNo(request.idempotencyKey());
    AlipayTradeFastpayRefundQueryRequest query = new AlipayTradeFastpayRefundQueryRequest();
    query.setBizModel(model);
    AlipayTradeFastpayRefundQueryResponse response = execute(query);
    return SUCCESS_CODE.equals(response.getCode())
        && "REFUND_SUCCESS".equals(response.getRefundStatus());
  }

  private <T extends AlipayResponse> T execute(AlipayRequest<T> request) {
    try {
      return client().execute(request);
    } catch (AlipayApiException e) {
      throw new IllegalStateException("Alipay call " + request.getApiMethodName() + " failed", e);
    }
  }

  private static String describe(AlipayResponse response) {
    String detail = response.getSubMsg() != null ? response.getSubMsg() : response.getMsg();
    String code = response.getSubCode() != null ? response.getSubCode() : response.getCode();
    return detail + " (" + code + ")";
  }

  private AlipayClient client() {
    Settings settings = settings();
    CachedClient cached = client.get();
    if (cached != null && cached.settings().equals(settings)) {
      return cached.client();
    }
    AlipayConfig config = new AlipayConfig();
    config.setServerUrl(serverUrl);
    config.setAppId(settings.appId());
    config.setPrivateKey(settings.privateKey());
    config.setAlipayPublicKey(settings.alipayPublicKey());
    config.setFormat("json");
    config.setCharset(CHARSET);
    config.setSignType(SIGN_TYPE);
    config.setConnectTimeout(5_000);
    config.setReadTimeout(15_000);
    try {
      AlipayClient created = new DefaultAlipayClient(config);
      client.set(new CachedClient(settings, created));
      return created;
    } catch (AlipayApiException e) {
      throw new IllegalStateException("Alipay client could not be created", e);
    }
  }

  private Settings settings() {
    return new Settings(
        key("app-id").trim(), bareKey(key("private-key")), bareKey(key("alipay-public-key")));
  }

  private String key(String name) {
    return keys.get(ID, name)
        .filter(value -> !value.isBlank())
        .orElseThrow(() -> new IllegalStateException("Alipay key " + name + " is not set"));
  }

  /** The SDK wants the bare base64 of a key: drops PEM armour and line breaks if pasted in. */
  private static String bareKey(String key) {
    return key.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
  }

  static String yuan(Money amount) {
    if (!CNY.equals(amount.currency())) {
      throw new IllegalArgumentException("Alipay takes CNY only, not " + amount.currency());
    }
    return amount.toMajor().setScale(2).toPlainString();
  }

  private static Money money(String yuan) throws InvalidNotification {
    try {
      return new Money(new BigDecimal(yuan).movePointRight(2).longValueExact(), CNY);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new InvalidNotification("Alipay amount is malformed: " + yuan, e);
    }
  }

  private static Money responseMoney(String yuan) {
    try {
      return money(yuan);
    } catch (InvalidNotification e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static UUID orderId(Map<String, String> params) throws InvalidNotification {
    String outTradeNo = required(params, "out_trade_no");
    try {
      return UUID.fromString(outTradeNo);
    } catch (IllegalArgumentException e) {
      throw new InvalidNotification("Alipay out_trade_no is not one of ours: " + outTradeNo, e);
    }
  }

  private static Instant time(Map<String, String> params, String name) throws InvalidNotification {
    return optionalTime(params, name)
        .orElseThrow(() -> new InvalidNotification("Alipay notification has no " + name));
  }

  private static Optional<Instant> optionalTime(Map<String, String> params, String name)
      throws InvalidNotification {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(ALIPAY_TIME.parse(value.trim())));
    } catch (DateTimeParseException e) {
      throw new InvalidNotification("Alipay " + name + " is malformed: " + value, e);
    }
  }

  private static String required(Map<String, String> params, String name)
      throws InvalidNotification {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw new InvalidNotification("Alipay notification has no " + name);
    }
    return value;
  }

  /** Alipay sends each parameter once; a repeated one could smuggle a second, unsigned value. */
  private static Map<String, String> singleValued(Map<String, List<String>> form)
      throws InvalidNotification {
    if (form == null || form.isEmpty()) {
      throw new InvalidNotification("Alipay notification has no form parameters");
    }
    Map<String, String> params = new HashMap<>();
    for (Map.Entry<String, List<String>> entry : form.entrySet()) {
      List<String> values = entry.getValue();
      if (values == null || values.size() != 1) {
        throw new InvalidNotification("Alipay parameter " + entry.getKey() + " is not single");
      }
      params.put(entry.getKey(), values.get(0));
    }
    return params;
  }

  private static String truncate(String text, int maxLength) {
    if (text == null || text.codePointCount(0, text.length()) <= maxLength) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, maxLength));
  }

  private record Settings(String appId, String privateKey, String alipayPublicKey) {

    @Override
    public String toString() {
      return "Settings[appId=" + appId + ", keys hidden]";
    }
  }

  private record CachedClient(Settings settings, AlipayClient client) {}
}
