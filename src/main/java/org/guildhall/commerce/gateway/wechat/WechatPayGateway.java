package org.guildhall.commerce.gateway.wechat;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSAPublicKeyNotificationConfig;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import com.wechat.pay.java.service.refund.model.Status;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay (微信支付) API v3 Native payment through the official SDK, in public-key mode: the
 * platform's public key is configured, so nothing is downloaded, and verifying a notification makes
 * no network call (WeChat Pay wants its answer within 5 s).
 *
 * <p>The buyer scans a QR code of {@link CheckoutRedirect#url()} (the {@code code_url}); WeChat Pay
 * then posts a signed notification whose {@code resource} is encrypted with the API v3 key. Refunds
 * usually complete later, with a {@code REFUND.SUCCESS} notification.
 *
 * <p>Keys ({@link GatewayKeys}, gateway {@code wechat}): {@code app-id}, {@code merchant-id},
 * {@code merchant-serial} (serial number of the merchant API certificate), {@code private-key}
 * (merchant API private key, PEM or PKCS#8 base64), {@code api-v3-key} (32 characters), {@code
 * platform-public-key} and {@code platform-public-key-id} ({@code PUB_KEY_ID_...}); optionally
 * {@code refund-notify-url} (without it WeChat Pay notifies refunds to the address set on the
 * merchant platform). Setting {@code guildhall.payments.wechat.api-base} sends the API calls
 * elsewhere.
 */
@Component
public class WechatPayGateway implements PaymentGateway {

  static final String ID = "wechat";
  static final Duration TOLERANCE = Duration.ofSeconds(300);

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final String PAYMENT_SUCCEEDED = "TRANSACTION.SUCCESS";
  private static final String REFUND_SUCCEEDED = "REFUND.SUCCESS";
  private static final int MAX_DESCRIPTION_LENGTH = 127;
  private static final int MAX_REASON_LENGTH = 80;
  private static final Pattern OUT_REFUND_NO = Pattern.compile("[0-9A-Za-z_\\-|*@]{1,64}");
  private static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9a-fA-F]{32}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final GatewayKeys keys;
  private final Clock clock;
  private final String apiBase;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicReference<Clients> clients = new AtomicReference<>();

  public WechatPayGateway(
      GatewayKeys keys,
      Clock clock,
      @Value("${guildhall.payments.wechat.api-base:https://api.mch.weixin.qq.com}")
          String apiBase) {
    this.keys = keys;
    this.clock = clock;
    this.apiBase = apiBase;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean configured() {
    return keys.has(
        ID,
        "app-id",
        "merchant-id",
        "merchant-serial",
        "private-key",
        "api-v3-key",
        "platform-public-key",
        "platform-public-key-id");
  }

  @Override
  public boolean supportsRecurring() {
    return false;
  }

  @Override
  public CheckoutRedirect start(PaymentRequest request) {
    Clients clients = clients();
    String outTradeNo = outTradeNo(request.orderId());
    Amount amount = new Amount();
    amount.setTotal(Math.toIntExact(fen(request.amount())));
    amount.setCurrency(CNY.getCurrencyCode());
    PrepayRequest prepay = new PrepayRequest();
    prepay.setAppid(clients.settings().appId());
    prepay.setMchid(clients.settings().merchantId());
    prepay.setDescription(truncate(request.description(), MAX_DESCRIPTION_LENGTH));
    prepay.setOutTradeNo(outTradeNo);
    prepay.setNotifyUrl(request.notifyUrl());
    prepay.setAmount(amount);
    String codeUrl = clients.nativePay().prepay(prepay).getCodeUrl();
    if (codeUrl == null || codeUrl.isBlank()) {
      throw new IllegalStateException("WeChat Pay returned no code_url for " + outTradeNo);
    }
    return CheckoutRedirect.to(codeUrl, outTradeNo);
  }

  @Override
  public VerifiedNotification verify(InboundNotification inbound) throws InvalidNotification {
    String signature = header(inbound, "Wechatpay-Signature");
    String timestamp = header(inbound, "Wechatpay-Timestamp");
    String nonce = header(inbound, "Wechatpay-Nonce");
    String serial = header(inbound, "Wechatpay-Serial");
    String body = inbound.body();
    if (body == null || body.isEmpty()) {
      throw new InvalidNotification("WeChat Pay notification has no body");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
    } catch (RuntimeException e) {
      throw new InvalidNotification("WeChat Pay timestamp is malformed: " + timestamp, e);
    }
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
      throw new InvalidNotification("WeChat Pay notification is stale: signed at " + signedAt);
    }
    Clients clients;
    try {
      clients = clients();
    } catch (IllegalStateException e) {
      throw new InvalidNotification("WeChat Pay is not configured", e);
    }
    Envelope envelope = Envelope.of(body);
    RequestParam param =
        new RequestParam.Builder()
            .serialNumber(serial)
            .signature(signature)
            .timestamp(timestamp)
            .nonce(nonce)
            .signType(inbound.header("Wechatpay-Signature-Type").orElse(null))
            .body(body)
            .build();
    switch (envelope.eventType()) {
      case PAYMENT_SUCCEEDED -> {
        Transaction transaction = parse(clients, param, Transaction.class);
        return payment(envelope, transaction, clients.settings());
      }
      case REFUND_SUCCEEDED -> {
        RefundNotification refund = parse(clients, param, RefundNotification.class);
        return refund(envelope, refund);
      }
      default -> {
        parse(clients, param, Map.class);
        throw new IgnoredNotification(
            "WeChat Pay event " + envelope.eventType() + " needs no action");
      }
    }
  }

  /** Checks the signature (the platform public key) and decrypts the resource (the API v3 key). */
  private static <T> T parse(Clients clients, RequestParam param, Class<T> type)
      throws InvalidNotification {
    T decrypted;
    try {
      decrypted = clients.notifications().parse(param, type);
    } catch (RuntimeException e) {
      throw new InvalidNotification("WeChat Pay notification failed verification", e);
    }
    if (decrypted == null) {
      throw new InvalidNotification("WeChat Pay notification resource is empty");
    }
    return decrypted;
  }

  private VerifiedNotification payment(
      Envelope envelope, Transaction transaction, Settings settings) throws InvalidNotification {
    if (!settings.merchantId().equals(transaction.getMchid())) {
      throw new InvalidNotification("WeChat Pay transaction is for another merchant");
    }
    if (transaction.getTradeState() != Transaction.TradeStateEnum.SUCCESS) {
      throw new IgnoredNotification("WeChat Pay trade state " + transaction.getTradeState());
    }
    if (transaction.getAmount() == null || transaction.getAmount().getTotal() == null) {
      throw new InvalidNotification("WeChat Pay transaction has no amount");
    }
    return new VerifiedNotification(
        envelope.id(),
        Type.PAYMENT_SUCCEEDED,
        orderId(transaction.getOutTradeNo()),
        new Money(
            transaction.getAmount().getTotal(), currency(transaction.getAmount().getCurrency())),
        transaction.getTransactionId(),
        null,
        null,
        time(transaction.getSuccessTime()).orElse(envelope.createdAt(clock)));
  }

  private VerifiedNotification refund(Envelope envelope, RefundNotification refund)
      throws InvalidNotification {
    if (refund.getRefundStatus() != null && refund.getRefundStatus() != Status.SUCCESS) {
      throw new IgnoredNotification("WeChat Pay refund status " + refund.getRefundStatus());
    }
    if (refund.getAmount() == null || refund.getAmount().getRefund() == null) {
      throw new InvalidNotification("WeChat Pay refund has no amount");
    }
    return new VerifiedNotification(
        envelope.id(),
        Type.REFUND_SUCCEEDED,
        orderId(refund.getOutTradeNo()),
        new Money(refund.getAmount().getRefund(), currency(refund.getAmount().getCurrency())),
        refund.getTransactionId(),
        null,
        refund.getRefundId(),
        time(refund.getSuccessTime()).orElse(envelope.createdAt(clock)));
  }

  @Override
  public NotificationAck accepted() {
    return new NotificationAck(204, "text/plain", "");
  }

  @Override
  public NotificationAck refused() {
    return NotificationAck.json(400, "{\"code\":\"FAIL\",\"message\":\"invalid notification\"}");
  }

  @Override
  public Optional<VerifiedNotification> query(PaymentQuery query) {
    Clients clients = clients();
    QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
    request.setMchid(clients.settings().merchantId());
    request.setOutTradeNo(outTradeNo(query.orderId()));
    Transaction transaction;
    try {
      transaction = clients.nativePay().queryOrderByOutTradeNo(request);
    } catch (ServiceException e) {
      if (e.getHttpStatusCode() == 404 || "ORDER_NOT_EXIST".equals(e.getErrorCode())) {
        return Optional.empty();
      }
      throw e;
    }
    if (transaction.getTradeState() != Transaction.TradeStateEnum.SUCCESS
        || transaction.getAmount() == null
        || transaction.getAmount().getTotal() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new VerifiedNotification(
            "query:" + transaction.getTransactionId(),
            Type.PAYMENT_SUCCEEDED,
            query.orderId(),
            new Money(
                transaction.getAmount().getTotal(),
                currency(transaction.getAmount().getCurrency())),
            transaction.getTransactionId(),
            null,
            null,
            time(transaction.getSuccessTime()).orElse(clock.instant())));
  }

  /**
   * Asks for a refund; the idempotency key is WeChat Pay's {@code out_refund_no}, so a repeated
   * request returns the same refund. A refund WeChat Pay turns down answers {@code FAILED}; a
   * system error or an unreachable API leaves the outcome unknown and is thrown, for a retry with
   * the same key.
   */
  @Override
  public RefundResult refund(RefundRequest request) {
    String outRefundNo = request.idempotencyKey();
    if (outRefundNo == null || !OUT_REFUND_NO.matcher(outRefundNo).matches()) {
      throw new IllegalArgumentException(
          "WeChat Pay out_refund_no must be 1-64 of [0-9A-Za-z_-|*@]: " + outRefundNo);
    }
    Clients clients = clients();
    AmountReq amount = new AmountReq();
    amount.setRefund(fen(request.amount()));
    amount.setTotal(fen(request.orderTotal()));
    amount.setCurrency(CNY.getCurrencyCode());
    CreateRequest create = new CreateRequest();
    create.setOutTradeNo(outTradeNo(request.orderId()));
    create.setOutRefundNo(outRefundNo);
    create.setReason(truncate(request.reason(), MAX_REASON_LENGTH));
    create.setNotifyUrl(clients.settings().refundNotifyUrl());
    create.setAmount(amount);
    Refund refund;
    try {
      refund = clients.refunds().create(create);
    } catch (ServiceException e) {
      if (outcomeUnknown(e)) {
        throw e;
      }
      return new RefundResult(
          RefundResult.Status.FAILED, null, e.getErrorMessage() + " (" + e.getErrorCode() + ")");
    }
    Status status = refund.getStatus();
    if (status == Status.SUCCESS) {
      return new RefundResult(RefundResult.Status.SUCCEEDED, refund.getRefundId(), null);
    }
    if (status == Status.PROCESSING) {
      return new RefundResult(RefundResult.Status.PENDING, refund.getRefundId(), null);
    }
    return new RefundResult(
        RefundResult.Status.FAILED, refund.getRefundId(), "WeChat Pay refund status " + status);
  }

  /** A system error or a rate limit: WeChat Pay asks to retry with the same out_refund_no. */
  private static boolean outcomeUnknown(ServiceException e) {
    return e.getHttpStatusCode() >= 500
        || e.getHttpStatusCode() == 429
        || "SYSTEM_ERROR".equals(e.getErrorCode())
        || "FREQUENCY_LIMITED".equals(e.getErrorCode());
  }

  private Clients clients() {
    Settings settings = settings();
    Clients cached = clients.get();
    if (cached != null && cached.settings().equals(settings)) {
      return cached;
    }
    RSAPublicKeyConfig config =
        new RSAPublicKeyConfig.Builder()
            .merchantId(settings.merchantId())
            .privateKey(settings.privateKey())
            .merchantSerialNumber(settings.merchantSerial())
            .publicKey(settings.platformPublicKey())
            .publicKeyId(settings.platformPublicKeyId())
            .apiV3Key(settings.apiV3Key())
            .build();
    JdkHttpClientAdapter httpClient =
        new JdkHttpClientAdapter(
            config.createCredential(), config.createValidator(), http, apiBase);
    NotificationParser notifications =
        new NotificationParser(
            new RSAPublicKeyNotificationConfig.Builder()
                .publicKey(settings.platformPublicKey())
                .publicKeyId(settings.platformPublicKeyId())
                .apiV3Key(settings.apiV3Key())
                .build());
    Clients created =
        new Clients(
            settings,
            new NativePayService.Builder().httpClient(httpClient).build(),
            new RefundService.Builder().httpClient(httpClient).build(),
            notifications);
    clients.set(created);
    return created;
  }

  private Settings settings() {
    return new Settings(
        key("app-id").trim(),
        key("merchant-id").trim(),
        key("merchant-serial").trim(),
        key("private-key"),
        key("api-v3-key"),
        key("platform-public-key"),
        key("platform-public-key-id").trim(),
        keys.get(ID, "refund-notify-url").filter(url -> !url.isBlank()).orElse(null));
  }

  private String key(String name) {
    return keys.get(ID, name)
        .filter(value -> !value.isBlank())
        .orElseThrow(() -> new IllegalStateException("WeChat Pay key " + name + " is not set"));
  }

  private static String header(InboundNotification inbound, String name)
      throws InvalidNotification {
    return inbound
        .header(name)
        .filter(value -> !value.isBlank())
        .orElseThrow(() -> new InvalidNotification("WeChat Pay notification has no " + name));
  }

  /** Our order id as WeChat Pay's {@code out_trade_no}: its 32 hex digits (6-32 characters). */
  static String outTradeNo(UUID orderId) {
    return orderId.toString().replace("-", "");
  }

  private static UUID orderId(String outTradeNo) throws InvalidNotification {
    if (outTradeNo == null || !OUT_TRADE_NO.matcher(outTradeNo).matches()) {
      throw new InvalidNotification("WeChat Pay out_trade_no is not one of ours: " + outTradeNo);
    }
    return new UUID(
        Long.parseUnsignedLong(outTradeNo.substring(0, 16), 16),
        Long.parseUnsignedLong(outTradeNo.substring(16), 16));
  }

  private static long fen(Money amount) {
    if (!CNY.equals(amount.currency())) {
      throw new IllegalArgumentException("WeChat Pay takes CNY only, not " + amount.currency());
    }
    return amount.minor();
  }

  private static Currency currency(String code) {
    return code == null || code.isBlank() ? CNY : Currency.getInstance(code);
  }

  private static Optional<Instant> time(String rfc3339) {
    if (rfc3339 == null || rfc3339.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(rfc3339).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String truncate(String text, int maxLength) {
    if (text == null || text.codePointCount(0, text.length()) <= maxLength) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, maxLength));
  }

  /** The notification's outer JSON, which is signed but not encrypted. */
  private record Envelope(String id, String eventType, String createTime) {

    static Envelope of(String body) throws InvalidNotification {
      JsonNode root;
      try {
        root = JSON.readTree(body);
      } catch (JacksonException e) {
        throw new InvalidNotification("WeChat Pay notification is not JSON", e);
      }
      String id = root.path("id").asString("");
      String eventType = root.path("event_type").asString("");
      if (id.isBlank() || eventType.isBlank()) {
        throw new InvalidNotification("WeChat Pay notification has no id or event_type");
      }
      return new Envelope(id, eventType, root.path("create_time").asString(""));
    }

    Instant createdAt(Clock clock) {
      return time(createTime).orElse(clock.instant());
    }
  }

  private record Settings(
      String appId,
      String merchantId,
      String merchantSerial,
      String privateKey,
      String apiV3Key,
      String platformPublicKey,
      String platformPublicKeyId,
      String refundNotifyUrl) {

    @Override
    public String toString() {
      return "Settings[merchantId=" + merchantId + ", keys hidden]";
    }
  }

  private record Clients(
      Settings settings,
      NativePayService nativePay,
      RefundService refunds,
      NotificationParser notifications) {}
}
