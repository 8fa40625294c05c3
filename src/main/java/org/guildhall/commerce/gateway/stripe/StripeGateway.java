package org.guildhall.commerce.gateway.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.InvoicePayment;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.Recurring;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe Checkout: one-off payments, subscriptions billed every few months, webhooks signed with
 * the endpoint's secret, and refunds.
 *
 * <p>Each API call builds its own {@link StripeClient} from the current keys (the owner may change
 * them while the application runs); the SDK's global {@code Stripe.apiKey} is never set. Webhook
 * events are read as raw JSON rather than through the SDK's typed models: an event is rendered in
 * the API version of the webhook endpoint, which need not be the one the SDK is pinned to (Stripe
 * moved an invoice's subscription under {@code parent.subscription_details} in 2025, for one).
 */
@Component
public class StripeGateway implements PaymentGateway {

  /** How old a notification's signature may be, in seconds; Stripe's own default. */
  public static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;

  static final String ID = "stripe";
  static final String SECRET_KEY = "secret-key";
  static final String WEBHOOK_SECRET = "webhook-secret";

  private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);
  private static final String SIGNATURE_HEADER = "Stripe-Signature";
  private static final String ORDER_ID = "order_id";
  private static final int METADATA_VALUE_MAX = 500;

  private final GatewayKeys keys;
  private final Clock clock;
  private final String apiBase;
  private final JsonMapper json = JsonMapper.shared();

  public StripeGateway(
      GatewayKeys keys,
      Clock clock,
      @Value("${guildhall.payments.stripe.api-base:https://api.stripe.com}") String apiBase) {
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
    return keys.has(ID, SECRET_KEY, WEBHOOK_SECRET);
  }

  @Override
  public boolean supportsRecurring() {
    return true;
  }

  @Override
  public CheckoutRedirect start(PaymentRequest request) {
    try {
      Session session =
          client()
              .v1()
              .checkout()
              .sessions()
              .create(checkoutParams(request), idempotent(request.idempotencyKey()));
      return CheckoutRedirect.to(session.getUrl(), session.getId());
    } catch (StripeException e) {
      throw new IllegalStateException(
          "Stripe did not create a checkout session for order "
              + request.orderId()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static SessionCreateParams checkoutParams(PaymentRequest request) {
    String orderId = request.orderId().toString();
    boolean recurring = request.recurringMonths() > 0;
    PriceData.Builder price =
        PriceData.builder()
            .setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
            .setUnitAmount(request.amount().minor())
            .setProductData(ProductData.builder().setName(productName(request)).build());
    if (recurring) {
      price.setRecurring(
          Recurring.builder()
              .setInterval(Recurring.Interval.MONTH)
              .setIntervalCount((long) request.recurringMonths())
              .build());
    }
    SessionCreateParams.Builder params =
        SessionCreateParams.builder()
            .setMode(
                recurring
                    ? SessionCreateParams.Mode.SUBSCRIPTION
                    : SessionCreateParams.Mode.PAYMENT)
            .addLineItem(LineItem.builder().setPriceData(price.build()).setQuantity(1L).build())
            .setClientReferenceId(orderId)
            .putMetadata(ORDER_ID, orderId)
            .setSuccessUrl(request.returnUrl())
            .setCancelUrl(request.cancelUrl());
    if (recurring) {
      params.setSubscriptionData(
          SessionCreateParams.SubscriptionData.builder().putMetadata(ORDER_ID, orderId).build());
    } else {
      params.setPaymentIntentData(
          SessionCreateParams.PaymentIntentData.builder().putMetadata(ORDER_ID, orderId).build());
    }
    if (!isBlank(request.buyerEmail())) {
      params.setCustomerEmail(request.buyerEmail());
    }
    return params.build();
  }

  private static String productName(PaymentRequest request) {
    return isBlank(request.description()) ? "Order " + request.orderId() : request.description();
  }

  @Override
  public VerifiedNotification verify(InboundNotification inbound) throws InvalidNotification {
    String secret =
        keys.get(ID, WEBHOOK_SECRET)
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> new InvalidNotification("stripe webhook secret not configured"));
    String signature =
        inbound
            .header(SIGNATURE_HEADER)
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> new InvalidNotification("unsigned"));
    String body = inbound.body() == null ? "" : inbound.body();
    checkSignature(body, signature, secret);
    JsonNode event;
    try {
      event = json.readTree(body);
    } catch (JacksonException e) {
      throw new InvalidNotification("body is not JSON", e);
    }
    return toNotification(event);
  }

  /**
   * Stripe's check: an HMAC-SHA256 of {@code "<t>.<body>"} must equal one of the header's {@code
   * v1} signatures (there are several while a rolled secret is still valid), and {@code t} must be
   * at most {@link #TOLERANCE_SECONDS} old by the injected clock. Stripe's library does not bound
   * {@code t} from above, so a timestamp further ahead than the tolerance is refused here.
   */
  private void checkSignature(String body, String header, String secret)
      throws InvalidNotification {
    long signedAt = signedAt(header);
    long now = clock.millis() / 1000;
    try {
      Webhook.Signature.verifyHeader(body, header, secret, TOLERANCE_SECONDS, clock);
    } catch (SignatureVerificationException e) {
      throw new InvalidNotification(
          signedAt < now - TOLERANCE_SECONDS ? "stale timestamp" : "signature mismatch");
    } catch (RuntimeException e) {
      throw new InvalidNotification("malformed signature header");
    }
    if (signedAt > now + TOLERANCE_SECONDS) {
      throw new InvalidNotification("timestamp in the future");
    }
  }

  /** The header's {@code t}; also requires at least one {@code v1} signature. */
  private static long signedAt(String header) throws InvalidNotification {
    Long timestamp = null;
    boolean signed = false;
    for (String item : header.split(",", -1)) {
      String[] pair = item.split("=", 2);
      if (pair.length != 2) {
        continue;
      }
      if (pair[0].equals("t") && timestamp == null) {
        try {
          timestamp = Long.parseLong(pair[1]);
        } catch (NumberFormatException e) {
          throw new InvalidNotification("malformed signature header");
        }
      } else if (pair[0].equals(Webhook.Signature.EXPECTED_SCHEME) && !pair[1].isEmpty()) {
        signed = true;
      }
    }
    if (timestamp == null || timestamp <= 0 || !signed) {
      throw new InvalidNotification("malformed signature header");
    }
    return timestamp;
  }

  private VerifiedNotification toNotification(JsonNode event) throws InvalidNotification {
    String eventId = text(event, "id");
    String type = text(event, "type");
    JsonNode object = event.path("data").path("object");
    if (eventId == null || type == null || !object.isObject()) {
      throw new InvalidNotification("not a Stripe event");
    }
    JsonNode created = event.path("created");
    Instant occurredAt =
        created.isIntegralNumber() ? Instant.ofEpochSecond(created.asLong()) : clock.instant();
    return switch (type) {
      case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
        if (!"paid".equals(text(object, "payment_status"))) {
          throw new IgnoredNotification("checkout not paid: " + text(object, "payment_status"));
        }
        yield checkout(eventId, Type.PAYMENT_SUCCEEDED, object, occurredAt, null);
      }
      case "checkout.session.async_payment_failed", "checkout.session.expired" ->
          checkout(eventId, Type.PAYMENT_FAILED, object, occurredAt, null);
      case "customer.subscription.created" -> subscriptionCreated(eventId, object, occurredAt);
      case "invoice.paid", "invoice.payment_succeeded" -> invoicePaid(eventId, object, occurredAt);
      case "refund.created", "refund.updated", "charge.refund.updated" ->
          refunded(eventId, object, occurredAt);
      default -> throw new IgnoredNotification("event type not handled: " + type);
    };
  }

  /** A Checkout Session; {@code fallbackOrderId} is used when the session names no order. */
  private static VerifiedNotification checkout(
      String eventId, Type type, JsonNode session, Instant occurredAt, UUID fallbackOrderId)
      throws InvalidNotification {
    UUID orderId =
        orderId(uuid(text(session, "client_reference_id")), session.path("metadata"))
            .or(() -> Optional.ofNullable(fallbackOrderId))
            .orElseThrow(() -> new IgnoredNotification("checkout session without order id"));
    String sessionId = text(session, "id");
    String paymentIntent = ref(session, "payment_intent");
    return new VerifiedNotification(
        eventId,
        type,
        orderId,
        money(session, "amount_total", text(session, "currency")),
        paymentIntent != null ? paymentIntent : sessionId,
        ref(session, "subscription"),
        null,
        occurredAt);
  }

  private static VerifiedNotification subscriptionCreated(
      String eventId, JsonNode subscription, Instant occurredAt) throws InvalidNotification {
    UUID orderId =
        orderId(null, subscription.path("metadata"))
            .orElseThrow(() -> new IgnoredNotification("subscription without order id"));
    JsonNode item = subscription.path("items").path("data").path(0);
    JsonNode price = item.path("price");
    String currency = text(subscription, "currency");
    if (currency == null) {
      currency = text(price, "currency");
    }
    Money amount = money(Money.zero(currency(currency)), price, "unit_amount");
    if (item.path("quantity").isIntegralNumber()) {
      amount = amount.times(item.path("quantity").asLong());
    }
    return new VerifiedNotification(
        eventId,
        Type.SUBSCRIPTION_CREATED,
        orderId,
        amount,
        null,
        text(subscription, "id"),
        null,
        occurredAt);
  }

  private static VerifiedNotification invoicePaid(
      String eventId, JsonNode invoice, Instant occurredAt) throws InvalidNotification {
    JsonNode details = invoice.path("parent").path("subscription_details"); // 2025-03-31 and later
    String subscription = ref(details, "subscription");
    if (subscription == null) {
      subscription = ref(invoice, "subscription");
    }
    if (subscription == null) {
      throw new IgnoredNotification("invoice without subscription");
    }
    UUID orderId =
        orderId(null, details.path("metadata"))
            .or(() -> orderId(null, invoice.path("subscription_details").path("metadata")))
            .or(() -> lineItemOrderId(invoice))
            .orElseThrow(() -> new IgnoredNotification("invoice without order id"));
    Type type =
        "subscription_create".equals(text(invoice, "billing_reason"))
            ? Type.INVOICE_PAID
            : Type.RENEWAL_PAID;
    return new VerifiedNotification(
        eventId,
        type,
        orderId,
        money(invoice, "amount_paid", text(invoice, "currency")),
        text(invoice, "id"),
        subscription,
        null,
        occurredAt);
  }

  /** Older API versions copy the subscription's metadata onto its invoice lines. */
  private static Optional<UUID> lineItemOrderId(JsonNode invoice) {
    for (JsonNode line : invoice.path("lines").path("data")) {
      Optional<UUID> orderId = orderId(null, line.path("metadata"));
      if (orderId.isPresent()) {
        return orderId;
      }
    }
    return Optional.empty();
  }

  private static VerifiedNotification refunded(String eventId, JsonNode refund, Instant occurredAt)
      throws InvalidNotification {
    String status = text(refund, "status");
    if (!"succeeded".equals(status)) {
      throw new IgnoredNotification("refund " + status);
    }
    UUID orderId =
        orderId(null, refund.path("metadata"))
            .orElseThrow(() -> new IgnoredNotification("refund without order id"));
    String payment = ref(refund, "payment_intent");
    return new VerifiedNotification(
        eventId,
        Type.REFUND_SUCCEEDED,
        orderId,
        money(refund, "amount", text(refund, "currency")),
        payment != null ? payment : ref(refund, "charge"),
        null,
        text(refund, "id"),
        occurredAt);
  }

  @Override
  public NotificationAck accepted() {
    return NotificationAck.json(200, "{\"received\":true}");
  }

  @Override
  public NotificationAck refused() {
    return NotificationAck.json(400, "{\"error\":\"invalid\"}");
  }

  /**
   * Retrieves the order's Checkout Session. A session Stripe does not know is empty; any other
   * failure is thrown, so that reconciliation asks again later instead of giving the order up.
   */
  @Override
  public Optional<VerifiedNotification> query(PaymentQuery query) {
    if (isBlank(query.sessionRef())) {
      return Optional.empty();
    }
    Session session;
    try {
      session = client().v1().checkout().sessions().retrieve(query.sessionRef());
    } catch (StripeException e) {
      if (Integer.valueOf(404).equals(e.getStatusCode())) {
        return Optional.empty();
      }
      throw new IllegalStateException(
          "Stripe could not be asked about checkout " + query.sessionRef() + ": " + e.getMessage(),
          e);
    }
    JsonNode node = json.readTree(rawJson(session));
    if (!"paid".equals(text(node, "payment_status"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          checkout(
              "query:" + session.getId(),
              Type.PAYMENT_SUCCEEDED,
              node,
              clock.instant(),
              query.orderId()));
    } catch (InvalidNotification e) {
      throw new IllegalStateException("Unreadable checkout session " + session.getId(), e);
    }
  }

  @Override
  public RefundResult refund(RefundRequest request) {
    if (!keys.has(ID, SECRET_KEY)) {
      return new RefundResult(RefundResult.Status.FAILED, null, "Stripe is not configured");
    }
    RefundCreateParams.Builder params =
        RefundCreateParams.builder()
            .setAmount(request.amount().minor())
            .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
            .putMetadata(ORDER_ID, request.orderId().toString())
            .putMetadata("refund_id", request.refundId().toString());
    if (!isBlank(request.reason())) {
      params.putMetadata("reason", truncate(request.reason(), METADATA_VALUE_MAX));
    }
    try {
      StripeClient client = client();
      Payment payment = payment(client, request.paymentRef());
      if (payment == null) {
        return new RefundResult(
            RefundResult.Status.FAILED, null, "No payment to refund: " + request.paymentRef());
      }
      if (payment.charge()) {
        params.setCharge(payment.id());
      } else {
        params.setPaymentIntent(payment.id());
      }
      Refund refund =
          client.v1().refunds().create(params.build(), idempotent(request.idempotencyKey()));
      return switch (String.valueOf(refund.getStatus())) {
        case "succeeded" -> new RefundResult(RefundResult.Status.SUCCEEDED, refund.getId(), null);
        case "failed", "canceled" ->
            new RefundResult(
                RefundResult.Status.FAILED,
                refund.getId(),
                refund.getFailureReason() != null ? refund.getFailureReason() : refund.getStatus());
        default -> new RefundResult(RefundResult.Status.PENDING, refund.getId(), null);
      };
    } catch (StripeException e) {
      log.warn("Stripe refused refund {} of order {}", request.refundId(), request.orderId(), e);
      String message =
          e.getStripeError() != null && e.getStripeError().getMessage() != null
              ? e.getStripeError().getMessage()
              : e.getMessage();
      return new RefundResult(RefundResult.Status.FAILED, null, message);
    }
  }

  /**
   * Sets {@code cancel_at_period_end} on the subscription: the member keeps what was paid for and
   * is not billed again. A subscription Stripe no longer knows has nothing left to stop; any other
   * failure is thrown so that the caller tries again.
   */
  @Override
  public void cancelSubscriptionAtPeriodEnd(String subscriptionRef, String idempotencyKey) {
    if (isBlank(subscriptionRef)) {
      return;
    }
    try {
      client()
          .v1()
          .subscriptions()
          .update(
              subscriptionRef,
              SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build(),
              idempotent(idempotencyKey));
    } catch (StripeException e) {
      if (Integer.valueOf(404).equals(e.getStatusCode())) {
        log.info("Stripe subscription {} is gone; nothing to cancel", subscriptionRef);
        return;
      }
      throw new IllegalStateException(
          "Stripe did not cancel subscription " + subscriptionRef + ": " + e.getMessage(), e);
    }
  }

  /** What a refund names: a PaymentIntent or a Charge. */
  private record Payment(String id, boolean charge) {}

  /**
   * Turns the payment reference we hold into what the Refunds API takes. Notifications give a
   * PaymentIntent for one-off payments, but an invoice ({@code in_}) for subscription invoices and
   * the session ({@code cs_}) for a subscription's checkout: those are resolved to the
   * PaymentIntent (or Charge) that paid them. Null when nothing was paid.
   */
  private static Payment payment(StripeClient client, String ref) throws StripeException {
    if (isBlank(ref)) {
      return null;
    }
    if (ref.startsWith("ch_") || ref.startsWith("py_")) {
      return new Payment(ref, true);
    }
    if (ref.startsWith("cs_")) {
      Session session = client.v1().checkout().sessions().retrieve(ref);
      if (session.getPaymentIntent() != null) {
        return new Payment(session.getPaymentIntent(), false);
      }
      return session.getInvoice() != null ? invoicePayment(client, session.getInvoice()) : null;
    }
    if (ref.startsWith("in_")) {
      return invoicePayment(client, ref);
    }
    return new Payment(ref, false);
  }

  private static Payment invoicePayment(StripeClient client, String invoiceId)
      throws StripeException {
    InvoicePaymentListParams params =
        InvoicePaymentListParams.builder()
            .setInvoice(invoiceId)
            .setStatus(InvoicePaymentListParams.Status.PAID)
            .build();
    for (InvoicePayment paid : client.v1().invoicePayments().list(params).getData()) {
      InvoicePayment.Payment payment = paid.getPayment();
      if (payment != null && payment.getPaymentIntent() != null) {
        return new Payment(payment.getPaymentIntent(), false);
      }
      if (payment != null && payment.getCharge() != null) {
        return new Payment(payment.getCharge(), true);
      }
    }
    return null;
  }

  private StripeClient client() {
    String secretKey =
        keys.get(ID, SECRET_KEY)
            .filter(k -> !k.isBlank())
            .orElseThrow(() -> new IllegalStateException("Stripe is not configured"));
    return StripeClient.builder()
        .setApiKey(secretKey)
        .setApiBase(apiBase)
        .setMaxNetworkRetries(2)
        .build();
  }

  private static RequestOptions idempotent(String idempotencyKey) {
    return RequestOptions.builder()
        .setIdempotencyKey(isBlank(idempotencyKey) ? null : idempotencyKey)
        .build();
  }

  private static String rawJson(StripeObject object) {
    return object.getLastResponse() != null ? object.getLastResponse().body() : object.toJson();
  }

  // Reading raw event JSON

  private static Optional<UUID> orderId(UUID candidate, JsonNode metadata) {
    return Optional.ofNullable(candidate)
        .or(() -> Optional.ofNullable(uuid(text(metadata, ORDER_ID))));
  }

  private static UUID uuid(String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Money money(JsonNode object, String amountField, String currency)
      throws InvalidNotification {
    JsonNode amount = object.path(amountField);
    if (!amount.isIntegralNumber() || currency == null) {
      throw new InvalidNotification("no " + amountField + " and currency");
    }
    return money(Money.zero(currency(currency)), object, amountField);
  }

  /** {@code object.amountField} in {@code zero}'s currency, or {@code zero} when absent. */
  private static Money money(Money zero, JsonNode object, String amountField) {
    JsonNode amount = object.path(amountField);
    return amount.isIntegralNumber() ? new Money(amount.asLong(), zero.currency()) : zero;
  }

  private static Currency currency(String code) throws InvalidNotification {
    try {
      return Currency.getInstance(String.valueOf(code).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidNotification("unknown currency " + code);
    }
  }

  /** A string field, or null when absent, null or blank. */
  private static String text(JsonNode object, String field) {
    JsonNode value = object.path(field);
    return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }

  /** The id in a field that holds an id, or the object when the field was expanded. */
  private static String ref(JsonNode object, String field) {
    JsonNode value = object.path(field);
    return value.isObject() ? text(value, "id") : text(object, field);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
