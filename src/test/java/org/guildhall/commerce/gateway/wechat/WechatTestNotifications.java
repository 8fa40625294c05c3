package org.guildhall.commerce.gateway.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.guildhall.commerce.gateway.InboundNotification;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay API v3 notifications for tests, built as WeChat Pay builds them: the resource
 * encrypted with AEAD_AES_256_GCM under the API v3 key, the whole body signed (SHA256withRSA over
 * {@code timestamp\nnonce\nbody\n}) with the platform key, under key pairs made once per JVM.
 *
 * <p>{@link #keyEntries()} gives the matching {@code wechat} gateway keys (public-key mode). {@link
 * #responseHeaders} signs a stub API response the way WeChat Pay does; {@link #merchantPublicKey()}
 * checks the requests the SDK signed.
 */
public final class WechatTestNotifications {

  public static final String APP_ID = "wx8888888888888888";
  public static final String MERCHANT_ID = "1900000109";
  public static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
  public static final String PLATFORM_PUBLIC_KEY_ID = "PUB_KEY_ID_0119000001092026112500000001";
  public static final String API_V3_KEY = randomAlphanumeric(32);
  public static final DateTimeFormatter WECHAT_TIME =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Asia/Shanghai"));

  private static final KeyPair MERCHANT = generate();
  private static final KeyPair PLATFORM = generate();
  private static final KeyPair STRANGER = generate();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private WechatTestNotifications() {}

  /** The {@code wechat} gateway keys matching these notifications. */
  public static Map<String, String> keyEntries() {
    return Map.of(
        "app-id", APP_ID,
        "merchant-id", MERCHANT_ID,
        "merchant-serial", MERCHANT_SERIAL,
        "private-key", pem("PRIVATE KEY", MERCHANT.getPrivate().getEncoded()),
        "api-v3-key", API_V3_KEY,
        "platform-public-key", pem("PUBLIC KEY", PLATFORM.getPublic().getEncoded()),
        "platform-public-key-id", PLATFORM_PUBLIC_KEY_ID);
  }

  public static PublicKey merchantPublicKey() {
    return MERCHANT.getPublic();
  }

  /** A key WeChat Pay does not have: what a forger would sign with. */
  public static PrivateKey strangerPrivateKey() {
    return STRANGER.getPrivate();
  }

  /** A signed {@code TRANSACTION.SUCCESS} notification for the order. */
  public static InboundNotification paymentSucceeded(
      String eventId, UUID orderId, long amountMinor, String currency, Instant signedAt) {
    String transaction =
        transactionJson(
            orderId, transactionId(orderId), "SUCCESS", amountMinor, currency, signedAt);
    return signed(
        envelope(eventId, "TRANSACTION.SUCCESS", "transaction", transaction, signedAt), signedAt);
  }

  /** A signed {@code REFUND.SUCCESS} notification for the order. */
  public static InboundNotification refundSucceeded(
      String eventId, UUID orderId, long amountMinor, String currency, Instant signedAt) {
    return refundSucceeded(
        eventId, orderId, refundId(eventId), "refund-" + eventId, amountMinor, currency, signedAt);
  }

  /** A signed {@code REFUND.SUCCESS} notification with the refund's ids. */
  public static InboundNotification refundSucceeded(
      String eventId,
      UUID orderId,
      String refundId,
      String outRefundNo,
      long amountMinor,
      String currency,
      Instant signedAt) {
    String refund =
        refundJson(orderId, refundId, outRefundNo, "SUCCESS", amountMinor, currency, signedAt);
    return signed(envelope(eventId, "REFUND.SUCCESS", "refund", refund, signedAt), signedAt);
  }

  /** A transaction as WeChat Pay describes it (notification resource or order query). */
  public static String transactionJson(
      UUID orderId,
      String transactionId,
      String tradeState,
      long amountMinor,
      String currency,
      Instant paidAt) {
    Map<String, Object> amount = new LinkedHashMap<>();
    amount.put("total", amountMinor);
    amount.put("payer_total", amountMinor);
    amount.put("currency", currency);
    amount.put("payer_currency", currency);
    Map<String, Object> transaction = new LinkedHashMap<>();
    transaction.put("mchid", MERCHANT_ID);
    transaction.put("appid", APP_ID);
    transaction.put("out_trade_no", WechatPayGateway.outTradeNo(orderId));
    transaction.put("transaction_id", transactionId);
    transaction.put("trade_type", "NATIVE");
    transaction.put("trade_state", tradeState);
    transaction.put("trade_state_desc", "支付成功");
    transaction.put("bank_type", "OTHERS");
    transaction.put("attach", "");
    transaction.put("success_time", WECHAT_TIME.format(paidAt.truncatedTo(ChronoUnit.SECONDS)));
    transaction.put("payer", Map.of("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
    transaction.put("amount", amount);
    return json(transaction);
  }

  /** A refund as WeChat Pay's refund notification describes it. */
  public static String refundJson(
      UUID orderId,
      String refundId,
      String outRefundNo,
      String refundStatus,
      long amountMinor,
      String currency,
      Instant refundedAt) {
    Map<String, Object> amount = new LinkedHashMap<>();
    amount.put("total", amountMinor);
    amount.put("refund", amountMinor);
    amount.put("payer_total", amountMinor);
    amount.put("payer_refund", amountMinor);
    amount.put("currency", currency);
    Map<String, Object> refund = new LinkedHashMap<>();
    refund.put("mchid", MERCHANT_ID);
    refund.put("out_trade_no", WechatPayGateway.outTradeNo(orderId));
    refund.put("transaction_id", transactionId(orderId));
    refund.put("out_refund_no", outRefundNo);
    refund.put("refund_id", refundId);
    refund.put("refund_status", refundStatus);
    refund.put("success_time", WECHAT_TIME.format(refundedAt.truncatedTo(ChronoUnit.SECONDS)));
    refund.put("user_received_account", "支付用户零钱");
    refund.put("amount", amount);
    return json(refund);
  }

  /** The notification body: the event with its resource encrypted under the API v3 key. */
  public static String envelope(
      String eventId, String eventType, String originalType, String plaintext, Instant createdAt) {
    String associatedData = originalType;
    String nonce = randomAlphanumeric(12);
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("original_type", originalType);
    resource.put("algorithm", "AEAD_AES_256_GCM");
    resource.put("ciphertext", encrypt(plaintext, associatedData, nonce));
    resource.put("associated_data", associatedData);
    resource.put("nonce", nonce);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", eventId);
    envelope.put("create_time", WECHAT_TIME.format(createdAt.truncatedTo(ChronoUnit.SECONDS)));
    envelope.put("resource_type", "encrypt-resource");
    envelope.put("event_type", eventType);
    envelope.put("summary", "支付成功");
    envelope.put("resource", resource);
    return json(envelope);
  }

  /** The body as WeChat Pay posts it, signed with the platform key. */
  public static InboundNotification signed(String body, Instant signedAt) {
    return signedWith(body, signedAt, PLATFORM.getPrivate(), PLATFORM_PUBLIC_KEY_ID);
  }

  public static InboundNotification signedWith(
      String body, Instant signedAt, PrivateKey key, String serial) {
    Map<String, String> headers = new LinkedHashMap<>();
    signatureHeaders(body, signedAt, key, serial)
        .forEach((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), value));
    headers.put("content-type", "application/json");
    return new InboundNotification(body, headers, Map.of());
  }

  /** The same notification with one header replaced, or removed when {@code value} is null. */
  public static InboundNotification withHeader(
      InboundNotification notification, String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>(notification.headers());
    if (value == null) {
      headers.remove(name.toLowerCase(java.util.Locale.ROOT));
    } else {
      headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
    }
    return new InboundNotification(notification.body(), headers, notification.form());
  }

  /** The same headers with another body: the signature no longer covers it. */
  public static InboundNotification withBody(InboundNotification notification, String body) {
    return new InboundNotification(body, notification.headers(), notification.form());
  }

  /** The signature headers WeChat Pay puts on an API response. */
  public static Map<String, String> responseHeaders(String body, Instant signedAt) {
    Map<String, String> headers =
        signatureHeaders(body, signedAt, PLATFORM.getPrivate(), PLATFORM_PUBLIC_KEY_ID);
    headers.put("Request-ID", "08F78BB5AF0610D302A3D0E3C9F2E81ACD8A0E" + randomAlphanumeric(6));
    return headers;
  }

  public static Map<String, String> signatureHeaders(
      String body, Instant signedAt, PrivateKey key, String serial) {
    String timestamp = Long.toString(signedAt.getEpochSecond());
    String nonce = randomAlphanumeric(32);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Wechatpay-Timestamp", timestamp);
    headers.put("Wechatpay-Nonce", nonce);
    headers.put("Wechatpay-Serial", serial);
    headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
    headers.put("Wechatpay-Signature", sign(timestamp + "\n" + nonce + "\n" + body + "\n", key));
    return headers;
  }

  /** WeChat Pay's transaction id for an order in these fixtures. */
  public static String transactionId(UUID orderId) {
    return "4200" + Long.toUnsignedString(orderId.getLeastSignificantBits() >>> 4);
  }

  private static String refundId(String eventId) {
    return "50300" + Integer.toUnsignedString(eventId.hashCode());
  }

  /** AEAD_AES_256_GCM under the API v3 key: base64 of ciphertext and tag. */
  public static String encrypt(String plaintext, String associatedData, String nonce) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(API_V3_KEY.getBytes(StandardCharsets.UTF_8), "AES"),
          new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA256withRSA, base64. */
  public static String sign(String message, PrivateKey key) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean verify(String message, String signature, PublicKey key) {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(message.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static String randomAlphanumeric(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
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
