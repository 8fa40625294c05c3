package org.guildhall.commerce.gateway.alipay;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guildhall.commerce.gateway.InboundNotification;

/**
 * Alipay asynchronous notifications for tests, signed like Alipay signs them (RSA2 over the sorted
 * parameters without {@code sign} and {@code sign_type}), under key pairs made once per JVM.
 *
 * <p>{@link #keyEntries()} gives the {@code alipay} gateway keys that match: the application's
 * private key and Alipay's public key. {@link #alipayPrivateKey()} signs stub API responses; {@link
 * #merchantPublicKey()} checks what the SDK signed.
 */
public final class AlipayTestNotifications {

  public static final String APP_ID = "2021000000000001";
  public static final String SELLER_ID = "2088000000000001";
  public static final DateTimeFormatter ALIPAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
  static final DateTimeFormatter ALIPAY_TIME_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.of("Asia/Shanghai"));

  private static final KeyPair MERCHANT = generate();
  private static final KeyPair ALIPAY = generate();
  private static final KeyPair STRANGER = generate();

  private AlipayTestNotifications() {}

  /** The {@code alipay} gateway keys matching these notifications. */
  public static Map<String, String> keyEntries() {
    return Map.of(
        "app-id", APP_ID,
        "private-key", base64(MERCHANT.getPrivate().getEncoded()),
        "alipay-public-key", base64(ALIPAY.getPublic().getEncoded()));
  }

  public static PrivateKey alipayPrivateKey() {
    return ALIPAY.getPrivate();
  }

  public static PublicKey merchantPublicKey() {
    return MERCHANT.getPublic();
  }

  /** A key Alipay does not have: what a forger would sign with. */
  public static PrivateKey strangerPrivateKey() {
    return STRANGER.getPrivate();
  }

  /** A signed {@code TRADE_SUCCESS} notification for the order. */
  public static InboundNotification paymentSucceeded(
      String notifyId, UUID orderId, long amountMinor, String currency, Instant signedAt) {
    return signed(paymentParams(notifyId, orderId, amountMinor, currency, signedAt));
  }

  /** A signed notification of a full refund (the trade is closed, with the refund's fields). */
  public static InboundNotification refundSucceeded(
      String notifyId, UUID orderId, long amountMinor, String currency, Instant signedAt) {
    return signed(
        refundParams(
            notifyId, orderId, null, amountMinor, amountMinor, "TRADE_CLOSED", currency, signedAt));
  }

  /** A signed notification of a partial refund: the trade stays {@code TRADE_SUCCESS}. */
  public static InboundNotification refundSucceeded(
      String notifyId,
      UUID orderId,
      String outBizNo,
      long refundMinor,
      long totalMinor,
      String currency,
      Instant signedAt) {
    return signed(
        refundParams(
            notifyId,
            orderId,
            outBizNo,
            refundMinor,
            totalMinor,
            "TRADE_SUCCESS",
            currency,
            signedAt));
  }

  /** The parameters of a payment notification, unsigned and modifiable. */
  public static Map<String, String> paymentParams(
      String notifyId, UUID orderId, long amountMinor, String currency, Instant signedAt) {
    String amount = yuan(amountMinor, currency);
    String paidAt = ALIPAY_TIME.format(signedAt.minusSeconds(2));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("gmt_create", ALIPAY_TIME.format(signedAt.minusSeconds(60)));
    params.put("charset", "UTF-8");
    params.put("gmt_payment", paidAt);
    params.put("notify_time", ALIPAY_TIME.format(signedAt));
    params.put("subject", "Premium 年度会员");
    params.put("buyer_id", "2088102177846880");
    params.put("invoice_amount", amount);
    params.put("version", "1.0");
    params.put("notify_id", notifyId);
    params.put(
        "fund_bill_list", "[{\"amount\":\"" + amount + "\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
    params.put("notify_type", "trade_status_sync");
    params.put("out_trade_no", orderId.toString());
    params.put("total_amount", amount);
    params.put("trade_status", "TRADE_SUCCESS");
    params.put("trade_no", tradeNo(orderId));
    params.put("auth_app_id", APP_ID);
    params.put("receipt_amount", amount);
    params.put("point_amount", "0.00");
    params.put("buyer_pay_amount", amount);
    params.put("app_id", APP_ID);
    params.put("sign_type", "RSA2");
    params.put("seller_id", SELLER_ID);
    return params;
  }

  /** The parameters of a refund notification, unsigned and modifiable. */
  public static Map<String, String> refundParams(
      String notifyId,
      UUID orderId,
      String outBizNo,
      long refundMinor,
      long totalMinor,
      String tradeStatus,
      String currency,
      Instant signedAt) {
    Map<String, String> params = paymentParams(notifyId, orderId, totalMinor, currency, signedAt);
    params.put("trade_status", tradeStatus);
    params.put("refund_fee", yuan(refundMinor, currency));
    params.put("gmt_refund", ALIPAY_TIME_MILLIS.format(signedAt.minusSeconds(1)));
    if (outBizNo != null) {
      params.put("out_biz_no", outBizNo);
    }
    return params;
  }

  /** Alipay's trade number for an order in these fixtures. */
  public static String tradeNo(UUID orderId) {
    return "2026" + Long.toUnsignedString(orderId.getLeastSignificantBits() >>> 8);
  }

  /** Adds {@code sign} as Alipay computes it, with Alipay's key. */
  public static InboundNotification signed(Map<String, String> params) {
    return signedWith(params, ALIPAY.getPrivate());
  }

  public static InboundNotification signedWith(Map<String, String> params, PrivateKey key) {
    Map<String, String> signed = new LinkedHashMap<>(params);
    signed.put("sign", sign(notificationSignContent(signed), key));
    return form(signed);
  }

  /** The notification without {@code sign}. */
  public static InboundNotification unsigned(Map<String, String> params) {
    Map<String, String> unsigned = new LinkedHashMap<>(params);
    unsigned.remove("sign");
    return form(unsigned);
  }

  /** The same notification, signature kept, with one parameter changed (or added). */
  public static InboundNotification altered(
      InboundNotification notification, String name, String value) {
    Map<String, String> params = new LinkedHashMap<>();
    notification.form().forEach((key, values) -> params.put(key, values.get(0)));
    params.put(name, value);
    return form(params);
  }

  /** A form-encoded notification as the web layer hands it over. */
  public static InboundNotification form(Map<String, String> params) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    params.forEach((name, value) -> form.put(name, List.of(value)));
    String body =
        params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return new InboundNotification(
        body, Map.of("content-type", "application/x-www-form-urlencoded; charset=utf-8"), form);
  }

  /** What Alipay signs in a notification: sorted {@code k=v} without sign, sign_type, empties. */
  public static String notificationSignContent(Map<String, String> params) {
    return signContent(params, List.of("sign", "sign_type"));
  }

  /** What the application signs in a request: sorted {@code k=v} without sign and empties. */
  public static String requestSignContent(Map<String, String> params) {
    return signContent(params, List.of("sign"));
  }

  private static String signContent(Map<String, String> params, List<String> excluded) {
    List<String> names = new ArrayList<>(params.keySet());
    Collections.sort(names);
    return names.stream()
        .filter(name -> !excluded.contains(name))
        .filter(name -> params.get(name) != null && !params.get(name).isEmpty())
        .map(name -> name + "=" + params.get(name))
        .collect(Collectors.joining("&"));
  }

  /**
   * The body of an OpenAPI response as Alipay sends it: the method's response object and, beside
   * it, the signature of that object's exact text.
   */
  public static String apiResponse(String method, String responseJson, PrivateKey key) {
    String node = method.replace('.', '_') + "_response";
    return "{\"" + node + "\":" + responseJson + ",\"sign\":\"" + sign(responseJson, key) + "\"}";
  }

  /** SHA256withRSA, base64: Alipay's RSA2. */
  public static String sign(String content, PrivateKey key) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(content.getBytes(StandardCharsets.UTF_8));
      return base64(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean verify(String content, String sign, PublicKey key) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(key);
      signature.update(content.getBytes(StandardCharsets.UTF_8));
      return signature.verify(Base64.getDecoder().decode(sign));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String yuan(long minor, String currency) {
    if (!"CNY".equals(currency)) {
      throw new IllegalArgumentException("Alipay notifies amounts in CNY, not " + currency);
    }
    return BigDecimal.valueOf(minor, 2).toPlainString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
