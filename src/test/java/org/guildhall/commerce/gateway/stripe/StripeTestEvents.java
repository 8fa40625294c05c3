package org.guildhall.commerce.gateway.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.guildhall.commerce.gateway.InboundNotification;

/**
 * Signed Stripe webhook notifications for tests, shaped like the events Stripe sends (the envelope
 * and the fields of {@code data.object} that matter, in API version {@value #API_VERSION}).
 *
 * <p>The references Stripe would assign are derived from our ids, so tests can predict them: {@link
 * #sessionRef}, {@link #paymentIntentRef}, {@link #refundRef}. Signatures are computed here rather
 * than with stripe-java, so that the gateway's verification is checked against an independent
 * signer.
 */
public final class StripeTestEvents {

  /** The API version of the events built here (the one stripe-java 33.3 is pinned to). */
  public static final String API_VERSION = "2026-07-29.dahlia";

  /** An API version from before Stripe moved the invoice's subscription under {@code parent}. */
  public static final String LEGACY_API_VERSION = "2024-06-20";

  private StripeTestEvents() {}

  // Signing

  /** The {@code Stripe-Signature} header for a payload: {@code t=<seconds>,v1=<hex hmac>}. */
  public static String signatureHeader(String secret, Instant at, String payload) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + hmac(secret, t + "." + payload);
  }

  /** Just the {@code v1} signature, for headers with several of them. */
  public static String v1(String secret, Instant at, String payload) {
    return hmac(secret, at.getEpochSecond() + "." + payload);
  }

  /** A notification carrying a payload signed with {@code secret} at {@code at}. */
  public static InboundNotification sign(String secret, Instant at, String payload) {
    return withSignature(signatureHeader(secret, at, payload), payload);
  }

  /** A notification with the given {@code Stripe-Signature} header (null for none). */
  public static InboundNotification withSignature(String header, String payload) {
    Map<String, String> headers =
        header == null
            ? Map.of("content-type", "application/json; charset=utf-8")
            : Map.of("content-type", "application/json; charset=utf-8", "stripe-signature", header);
    return new InboundNotification(payload, headers, Map.of());
  }

  // Events

  /** A payment-mode checkout (no {@code subscriptionRef}) or a subscription-mode one, paid. */
  public static InboundNotification checkoutCompleted(
      String secret,
      Instant signedAt,
      String eventId,
      UUID orderId,
      long amountMinor,
      String currency,
      String subscriptionRef) {
    String session =
        checkoutSession(orderId, amountMinor, currency, subscriptionRef, "complete", "paid");
    return sign(secret, signedAt, event(eventId, "checkout.session.completed", signedAt, session));
  }

  /** A checkout the buyer never paid, expired by Stripe. */
  public static InboundNotification checkoutExpired(
      String secret,
      Instant signedAt,
      String eventId,
      UUID orderId,
      long amountMinor,
      String currency) {
    String session = checkoutSession(orderId, amountMinor, currency, null, "expired", "unpaid");
    return sign(secret, signedAt, event(eventId, "checkout.session.expired", signedAt, session));
  }

  public static InboundNotification subscriptionCreated(
      String secret,
      Instant signedAt,
      String eventId,
      UUID orderId,
      String subscriptionRef,
      long unitAmountMinor,
      long quantity,
      String currency) {
    String subscription =
        """
        {
          "id": "%1$s",
          "object": "subscription",
          "billing_cycle_anchor": %4$d,
          "cancel_at_period_end": false,
          "collection_method": "charge_automatically",
          "created": %4$d,
          "currency": "%3$s",
          "customer": "%5$s",
          "items": {
            "object": "list",
            "data": [
              {
                "id": "si_%6$s",
                "object": "subscription_item",
                "created": %4$d,
                "current_period_end": %7$d,
                "current_period_start": %4$d,
                "metadata": {},
                "price": {
                  "id": "price_%6$s",
                  "object": "price",
                  "active": false,
                  "currency": "%3$s",
                  "product": "prod_%6$s",
                  "recurring": {"interval": "month", "interval_count": 1, "usage_type": "licensed"},
                  "type": "recurring",
                  "unit_amount": %8$d
                },
                "quantity": %9$d,
                "subscription": "%1$s"
              }
            ],
            "has_more": false,
            "url": "/v1/subscription_items?subscription=%1$s"
          },
          "latest_invoice": "in_%6$s",
          "livemode": false,
          "metadata": {"order_id": "%2$s"},
          "status": "active"
        }
        """
            .formatted(
                subscriptionRef,
                orderId,
                lower(currency),
                signedAt.getEpochSecond(),
                customerRef(orderId),
                hex(orderId).substring(0, 24),
                signedAt.getEpochSecond() + 30L * 86400,
                unitAmountMinor,
                quantity);
    return sign(
        secret, signedAt, event(eventId, "customer.subscription.created", signedAt, subscription));
  }

  /**
   * {@code invoice.paid} in the current layout ({@code parent.subscription_details}): the first
   * invoice of the subscription, or a later one when {@code renewal}.
   */
  public static InboundNotification invoicePaid(
      String secret,
      Instant signedAt,
      String eventId,
      UUID orderId,
      String subscriptionRef,
      String invoiceRef,
      long amountMinor,
      String currency,
      boolean renewal) {
    return sign(
        secret,
        signedAt,
        event(
            eventId,
            "invoice.paid",
            signedAt,
            invoice(
                orderId, subscriptionRef, invoiceRef, amountMinor, currency, renewal, signedAt)));
  }

  /**
   * {@code invoice.payment_succeeded} as an endpoint on an API version before 2025 receives it: the
   * subscription at the top level and its metadata in {@code subscription_details}.
   */
  public static InboundNotification legacyInvoicePaymentSucceeded(
      String secret,
      Instant signedAt,
      String eventId,
      UUID orderId,
      String subscriptionRef,
      String invoiceRef,
      long amountMinor,
      String currency,
      boolean renewal) {
    String invoice =
        """
        {
          "id": "%1$s",
          "object": "invoice",
          "amount_due": %2$d,
          "amount_paid": %2$d,
          "amount_remaining": 0,
          "billing_reason": "%3$s",
          "charge": "ch_%4$s",
          "collection_method": "charge_automatically",
          "created": %5$d,
          "currency": "%6$s",
          "customer": "%7$s",
          "lines": {
            "object": "list",
            "data": [
              {
                "id": "il_%4$s",
                "object": "line_item",
                "amount": %2$d,
                "currency": "%6$s",
                "metadata": {"order_id": "%8$s"},
                "subscription": "%9$s",
                "type": "subscription"
              }
            ],
            "has_more": false
          },
          "livemode": false,
          "paid": true,
          "payment_intent": "pi_%4$s",
          "status": "paid",
          "subscription": "%9$s",
          "subscription_details": {"metadata": {"order_id": "%8$s"}}
        }
        """
            .formatted(
                invoiceRef,
                amountMinor,
                renewal ? "subscription_cycle" : "subscription_create",
                idPart(invoiceRef),
                signedAt.getEpochSecond(),
                lower(currency),
                customerRef(orderId),
                orderId,
                subscriptionRef);
    return sign(
        secret,
        signedAt,
        event(eventId, "invoice.payment_succeeded", signedAt, invoice, LEGACY_API_VERSION));
  }

  /** A refund we asked for (metadata {@code order_id}, {@code refund_id}) that succeeded. */
  public static InboundNotification refundSucceeded(
      String secret,
      Instant signedAt,
      String eventId,
      UUID orderId,
      UUID refundId,
      long amountMinor,
      String currency) {
    return sign(
        secret,
        signedAt,
        event(
            eventId,
            "refund.updated",
            signedAt,
            refund(orderId, refundId, amountMinor, currency, "succeeded", signedAt)));
  }

  /** A refund event of the given type and refund status. */
  public static InboundNotification refundEvent(
      String secret,
      Instant signedAt,
      String eventId,
      String type,
      String status,
      UUID orderId,
      UUID refundId,
      long amountMinor,
      String currency) {
    return sign(
        secret,
        signedAt,
        event(
            eventId,
            type,
            signedAt,
            refund(orderId, refundId, amountMinor, currency, status, signedAt)));
  }

  // Payloads

  /** An event envelope around {@code objectJson}, in {@link #API_VERSION}. */
  public static String event(String eventId, String type, Instant created, String objectJson) {
    return event(eventId, type, created, objectJson, API_VERSION);
  }

  public static String event(
      String eventId, String type, Instant created, String objectJson, String apiVersion) {
    return """
        {
          "id": "%s",
          "object": "event",
          "api_version": "%s",
          "created": %d,
          "data": {
            "object": %s
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": null, "idempotency_key": null},
          "type": "%s"
        }
        """
        .formatted(eventId, apiVersion, created.getEpochSecond(), objectJson.strip(), type);
  }

  /**
   * A Checkout Session as Stripe renders it; payment mode without {@code subscriptionRef}. The same
   * JSON serves as the answer to a session retrieval.
   */
  public static String checkoutSession(
      UUID orderId,
      long amountMinor,
      String currency,
      String subscriptionRef,
      String status,
      String paymentStatus) {
    boolean subscription = subscriptionRef != null;
    String paymentIntent =
        subscription || !"paid".equals(paymentStatus) ? null : paymentIntentRef(orderId);
    return """
        {
          "id": "%1$s",
          "object": "checkout.session",
          "amount_subtotal": %2$d,
          "amount_total": %2$d,
          "cancel_url": "https://guildhall.example/checkout/cancelled",
          "client_reference_id": "%3$s",
          "created": 1767225600,
          "currency": "%4$s",
          "customer": %5$s,
          "customer_details": {"email": "buyer@example.com", "name": "Buyer"},
          "customer_email": "buyer@example.com",
          "expires_at": 1767312000,
          "invoice": %6$s,
          "livemode": false,
          "metadata": {"order_id": "%3$s"},
          "mode": "%7$s",
          "payment_intent": %8$s,
          "payment_status": "%9$s",
          "status": "%10$s",
          "subscription": %11$s,
          "success_url": "https://guildhall.example/checkout/done",
          "url": null
        }
        """
        .formatted(
            sessionRef(orderId),
            amountMinor,
            orderId,
            lower(currency),
            json(subscription ? customerRef(orderId) : null),
            json(subscription ? "in_" + hex(orderId).substring(0, 24) : null),
            subscription ? "subscription" : "payment",
            json(paymentIntent),
            paymentStatus,
            status,
            json(subscriptionRef));
  }

  private static String invoice(
      UUID orderId,
      String subscriptionRef,
      String invoiceRef,
      long amountMinor,
      String currency,
      boolean renewal,
      Instant at) {
    return """
        {
          "id": "%1$s",
          "object": "invoice",
          "amount_due": %2$d,
          "amount_paid": %2$d,
          "amount_remaining": 0,
          "billing_reason": "%3$s",
          "collection_method": "charge_automatically",
          "created": %4$d,
          "currency": "%5$s",
          "customer": "%6$s",
          "lines": {
            "object": "list",
            "data": [
              {
                "id": "il_%7$s",
                "object": "line_item",
                "amount": %2$d,
                "currency": "%5$s",
                "metadata": {},
                "parent": {
                  "type": "subscription_item_details",
                  "subscription_item_details": {"subscription": "%8$s", "subscription_item": "si_%7$s"}
                }
              }
            ],
            "has_more": false
          },
          "livemode": false,
          "parent": {
            "type": "subscription_details",
            "quote_details": null,
            "subscription_details": {"metadata": {"order_id": "%9$s"}, "subscription": "%8$s"}
          },
          "status": "paid",
          "status_transitions": {"paid_at": %4$d}
        }
        """
        .formatted(
            invoiceRef,
            amountMinor,
            renewal ? "subscription_cycle" : "subscription_create",
            at.getEpochSecond(),
            lower(currency),
            customerRef(orderId),
            idPart(invoiceRef),
            subscriptionRef,
            orderId);
  }

  private static String refund(
      UUID orderId, UUID refundId, long amountMinor, String currency, String status, Instant at) {
    return """
        {
          "id": "%1$s",
          "object": "refund",
          "amount": %2$d,
          "balance_transaction": "txn_%3$s",
          "charge": "ch_%3$s",
          "created": %4$d,
          "currency": "%5$s",
          "metadata": {"order_id": "%6$s", "refund_id": "%7$s"},
          "payment_intent": "%8$s",
          "reason": "requested_by_customer",
          "status": "%9$s"
        }
        """
        .formatted(
            refundRef(refundId),
            amountMinor,
            hex(orderId).substring(0, 24),
            at.getEpochSecond(),
            lower(currency),
            orderId,
            refundId,
            paymentIntentRef(orderId),
            status);
  }

  // The references Stripe would assign

  public static String sessionRef(UUID orderId) {
    return "cs_test_" + hex(orderId);
  }

  public static String paymentIntentRef(UUID orderId) {
    return "pi_" + hex(orderId).substring(0, 24);
  }

  public static String refundRef(UUID refundId) {
    return "re_" + hex(refundId).substring(0, 24);
  }

  private static String customerRef(UUID orderId) {
    return "cus_" + hex(orderId).substring(0, 14);
  }

  private static String hex(UUID id) {
    return id.toString().replace("-", "");
  }

  private static String idPart(String ref) {
    return ref.substring(ref.indexOf('_') + 1);
  }

  private static String lower(String currency) {
    return currency.toLowerCase(Locale.ROOT);
  }

  private static String json(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }

  private static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
