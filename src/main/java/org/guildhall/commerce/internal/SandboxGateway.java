package org.guildhall.commerce.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.guildhall.commerce.gateway.CheckoutRedirect;
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
import org.guildhall.platform.InstallationSettings;
import org.guildhall.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in gateway: a hosted checkout page inside the app ({@code /pay/sandbox/{session}}) with
 * Pay, Decline and Abandon, and signed notifications sent back to the webhook endpoint by {@link
 * SandboxDeliveries} with retries — the whole flow of a real provider with no outside account.
 * Notifications are signed like Stripe's: header {@code Guildhall-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "t.body">}, accepted within 300 s.
 */
@Component
public class SandboxGateway implements PaymentGateway {

  static final String ID = "sandbox";
  static final String SIGNATURE_HEADER = "Guildhall-Signature";
  static final Duration TOLERANCE = Duration.ofSeconds(300);

  /** A hosted checkout session as its page shows it. */
  public record Session(
      String id,
      UUID orderId,
      Money amount,
      String description,
      int recurringMonths,
      String returnUrl,
      String cancelUrl,
      String status,
      Instant createdAt) {}

  private final JdbcClient jdbc;
  private final InstallationSettings settings;
  private final SandboxFaults faults;
  private final JsonMapper json;
  private final Clock clock;

  SandboxGateway(
      JdbcClient jdbc,
      InstallationSettings settings,
      SandboxFaults faults,
      JsonMapper json,
      Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.faults = faults;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public boolean supportsRecurring() {
    return true;
  }

  @Override
  public CheckoutRedirect start(PaymentRequest r) {
    String base = r.notifyUrl().substring(0, r.notifyUrl().indexOf("/api/v1/"));
    // one checkout session per order, as a provider keyed by the idempotency key would answer
    Optional<String> open =
        jdbc.sql("SELECT id FROM sandbox_session WHERE order_id = ? AND status = 'OPEN'")
            .param(r.orderId())
            .query(String.class)
            .optional();
    if (open.isPresent()) {
      return CheckoutRedirect.to(base + "/pay/sandbox/" + open.get(), open.get());
    }
    String sessionId = "sbx_cs_" + token();
    jdbc.sql(
            "INSERT INTO sandbox_session (id, order_id, amount_minor, currency, description,"
                + " recurring_months, return_url, cancel_url, notify_url, status, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
        .params(
            sessionId,
            r.orderId(),
            r.amount().minor(),
            r.amount().currency().getCurrencyCode(),
            r.description(),
            r.recurringMonths(),
            r.returnUrl(),
            r.cancelUrl(),
            r.notifyUrl(),
            ts(clock.instant()))
        .update();
    return CheckoutRedirect.to(base + "/pay/sandbox/" + sessionId, sessionId);
  }

  public Optional<Session> session(String id) {
    return jdbc.sql(
            "SELECT id, order_id, amount_minor, currency, description, recurring_months,"
                + " return_url, cancel_url, status, created_at FROM sandbox_session WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Session(
                    rs.getString("id"),
                    uuid(rs, "order_id"),
                    Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                    rs.getString("description"),
                    rs.getInt("recurring_months"),
                    rs.getString("return_url"),
                    rs.getString("cancel_url"),
                    rs.getString("status"),
                    instant(rs, "created_at")))
        .optional();
  }

  /**
   * The buyer pressed Pay: the session is paid (once) and its notifications are queued: payment
   * succeeded, and for a subscription also subscription created and first invoice paid.
   */
  @Transactional
  public boolean pay(String sessionId) {
    Instant now = clock.instant();
    String paymentRef = "sbx_pi_" + token();
    String subscriptionRef = "sbx_sub_" + token();
    Session s = session(sessionId).orElse(null);
    if (s == null) {
      return false;
    }
    boolean recurring = s.recurringMonths() > 0;
    int changed =
        jdbc.sql(
                "UPDATE sandbox_session SET status = 'PAID', paid_at = ?, payment_ref = ?,"
                    + " subscription_ref = ?, subscription_active = ?, next_renewal_at = ? WHERE id"
                    + " = ? AND status = 'OPEN'")
            .params(
                ts(now),
                paymentRef,
                recurring ? subscriptionRef : null,
                recurring,
                recurring ? ts(plusMonths(now, s.recurringMonths())) : null,
                sessionId)
            .update();
    if (changed == 0) {
      return false;
    }
    List<Map<String, Object>> events = new ArrayList<>();
    events.add(
        event(
            "payment.succeeded",
            s.orderId(),
            s.amount(),
            paymentRef,
            recurring ? subscriptionRef : null,
            null));
    if (recurring) {
      events.add(
          event("subscription.created", s.orderId(), s.amount(), null, subscriptionRef, null));
      events.add(
          event(
              "invoice.paid", s.orderId(), s.amount(), "sbx_in_" + token(), subscriptionRef, null));
    }
    queue(notifyUrl(sessionId), events);
    return true;
  }

  /** The buyer pressed Decline: the provider reports a failed payment. */
  @Transactional
  public boolean decline(String sessionId) {
    Session s = session(sessionId).orElse(null);
    if (s == null
        || jdbc.sql(
                    "UPDATE sandbox_session SET status = 'DECLINED' WHERE id = ? AND status = 'OPEN'")
                .param(sessionId)
                .update()
            == 0) {
      return false;
    }
    queue(
        notifyUrl(sessionId),
        List.of(event("payment.failed", s.orderId(), s.amount(), null, null, null)));
    return true;
  }

  /** A running sandbox subscription whose period has ended. */
  private record DueRenewal(
      String sessionId,
      UUID orderId,
      Money amount,
      String subscriptionRef,
      int months,
      Instant renewalAt) {}

  /** Bills every sandbox subscription whose period has ended (recurring billing). */
  @Transactional
  public int renewDue() {
    List<DueRenewal> due =
        jdbc.sql(
                "SELECT id, order_id, amount_minor, currency, subscription_ref, recurring_months,"
                    + " next_renewal_at FROM sandbox_session WHERE subscription_active = TRUE AND"
                    + " next_renewal_at <= ? ORDER BY next_renewal_at LIMIT 100")
            .param(ts(clock.instant()))
            .query(
                (rs, n) ->
                    new DueRenewal(
                        rs.getString("id"),
                        uuid(rs, "order_id"),
                        Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                        rs.getString("subscription_ref"),
                        rs.getInt("recurring_months"),
                        instant(rs, "next_renewal_at")))
            .list();
    for (DueRenewal d : due) {
      // moving the renewal date is the once-only step: a second instance finds it moved
      int moved =
          jdbc.sql(
                  "UPDATE sandbox_session SET next_renewal_at = ? WHERE id = ? AND next_renewal_at ="
                      + " ?")
              .params(ts(plusMonths(d.renewalAt(), d.months())), d.sessionId(), ts(d.renewalAt()))
              .update();
      if (moved == 1) {
        queue(
            notifyUrl(d.sessionId()),
            List.of(
                event(
                    "invoice.paid",
                    d.orderId(),
                    d.amount(),
                    "sbx_in_" + token(),
                    d.subscriptionRef(),
                    null,
                    "subscription_cycle")));
      }
    }
    return due.size();
  }

  @Override
  public void cancelSubscriptionAtPeriodEnd(String subscriptionRef, String idempotencyKey) {
    jdbc.sql("UPDATE sandbox_session SET subscription_active = FALSE WHERE subscription_ref = ?")
        .param(subscriptionRef)
        .update();
  }

  @Override
  public VerifiedNotification verify(InboundNotification inbound) throws InvalidNotification {
    String header =
        inbound.header(SIGNATURE_HEADER).orElseThrow(() -> new InvalidNotification("unsigned"));
    long timestamp = -1;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      if (kv[0].equals("t")) {
        try {
          timestamp = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          throw new InvalidNotification("bad timestamp");
        }
      } else if (kv[0].equals("v1")) {
        signatures.add(kv[1]);
      }
    }
    if (timestamp < 0 || signatures.isEmpty()) {
      throw new InvalidNotification("malformed signature header");
    }
    long age = Math.abs(clock.instant().getEpochSecond() - timestamp);
    if (age > TOLERANCE.toSeconds()) {
      throw new InvalidNotification("stale: signed " + age + " s ago");
    }
    byte[] expected = sign(timestamp, inbound.body()).getBytes(StandardCharsets.US_ASCII);
    boolean matches =
        signatures.stream()
            .anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII)));
    if (!matches) {
      throw new InvalidNotification("signature mismatch");
    }
    try {
      JsonNode event = json.readTree(inbound.body());
      JsonNode data = event.required("data");
      String type = event.required("type").asString();
      Type mapped =
          switch (type) {
            case "payment.succeeded" -> Type.PAYMENT_SUCCEEDED;
            case "payment.failed" -> Type.PAYMENT_FAILED;
            case "subscription.created" -> Type.SUBSCRIPTION_CREATED;
            case "invoice.paid" ->
                "subscription_cycle".equals(text(data, "billing_reason"))
                    ? Type.RENEWAL_PAID
                    : Type.INVOICE_PAID;
            case "refund.succeeded" -> Type.REFUND_SUCCEEDED;
            default -> throw new org.guildhall.commerce.gateway.IgnoredNotification(type);
          };
      return new VerifiedNotification(
          event.required("id").asString(),
          mapped,
          UUID.fromString(data.required("order_id").asString()),
          Money.of(data.required("amount_minor").asLong(), data.required("currency").asString()),
          text(data, "payment_ref"),
          text(data, "subscription_ref"),
          text(data, "refund_ref"),
          Instant.ofEpochSecond(event.required("created").asLong()));
    } catch (InvalidNotification e) {
      throw e;
    } catch (RuntimeException malformed) {
      throw new InvalidNotification("malformed body", malformed);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  @Override
  public NotificationAck accepted() {
    return NotificationAck.json(200, "{\"received\":true}");
  }

  @Override
  public NotificationAck refused() {
    return NotificationAck.json(400, "{\"received\":false}");
  }

  @Override
  public Optional<VerifiedNotification> query(PaymentQuery q) {
    return jdbc.sql(
            "SELECT payment_ref, subscription_ref, amount_minor, currency, paid_at FROM"
                + " sandbox_session WHERE order_id = ? AND status = 'PAID'")
        .param(q.orderId())
        .query(
            (rs, n) ->
                new VerifiedNotification(
                    "query:" + rs.getString("payment_ref"),
                    Type.PAYMENT_SUCCEEDED,
                    q.orderId(),
                    Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                    rs.getString("payment_ref"),
                    rs.getString("subscription_ref"),
                    null,
                    instant(rs, "paid_at")))
        .optional();
  }

  /**
   * Refunds at once and also sends the refund notification a real provider would. The idempotency
   * key is the primary key of the sandbox's refund table, so a repeated request refunds once.
   */
  @Override
  @Transactional
  public RefundResult refund(RefundRequest r) {
    Optional<String> known =
        jdbc.sql("SELECT refund_ref FROM sandbox_refund WHERE idempotency_key = ?")
            .param(r.idempotencyKey())
            .query(String.class)
            .optional();
    if (known.isPresent()) {
      return new RefundResult(RefundResult.Status.SUCCEEDED, known.get(), null);
    }
    Optional<String> session =
        jdbc.sql("SELECT id FROM sandbox_session WHERE order_id = ? AND status = 'PAID'")
            .param(r.orderId())
            .query(String.class)
            .optional();
    if (session.isEmpty()) {
      return new RefundResult(
          RefundResult.Status.FAILED, null, "no sandbox payment for this order");
    }
    String refundRef = "sbx_re_" + token();
    jdbc.sql(
            "INSERT INTO sandbox_refund (idempotency_key, refund_ref, order_id, payment_ref,"
                + " amount_minor, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            r.idempotencyKey(),
            refundRef,
            r.orderId(),
            String.valueOf(r.paymentRef()),
            r.amount().minor(),
            ts(clock.instant()))
        .update();
    queue(
        notifyUrl(session.get()),
        List.of(
            event("refund.succeeded", r.orderId(), r.amount(), r.paymentRef(), null, refundRef)));
    return new RefundResult(RefundResult.Status.SUCCEEDED, refundRef, null);
  }

  long clockSeconds() {
    return clock.instant().getEpochSecond();
  }

  /** Signs a body as the sandbox does; public for tests that forge or replay notifications. */
  public String signatureHeader(long timestamp, String body) {
    return "t=" + timestamp + ",v1=" + sign(timestamp, body);
  }

  String sign(long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              settings.secret("sandbox.webhook-secret").getBytes(StandardCharsets.UTF_8),
              "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A notification body, as JSON text. */
  public String body(Map<String, Object> event) {
    return json.writeValueAsString(event);
  }

  Map<String, Object> event(
      String type,
      UUID orderId,
      Money amount,
      String paymentRef,
      String subscriptionRef,
      String refundRef) {
    return event(type, orderId, amount, paymentRef, subscriptionRef, refundRef, null);
  }

  Map<String, Object> event(
      String type,
      UUID orderId,
      Money amount,
      String paymentRef,
      String subscriptionRef,
      String refundRef,
      String billingReason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("order_id", orderId.toString());
    data.put("amount_minor", amount.minor());
    data.put("currency", amount.currency().getCurrencyCode());
    data.put("payment_ref", paymentRef);
    data.put("subscription_ref", subscriptionRef);
    data.put("refund_ref", refundRef);
    if (billingReason != null) {
      data.put("billing_reason", billingReason);
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", "sbx_evt_" + token());
    event.put("type", type);
    event.put("created", clock.instant().getEpochSecond());
    event.put("data", data);
    return event;
  }

  private String notifyUrl(String sessionId) {
    return jdbc.sql("SELECT notify_url FROM sandbox_session WHERE id = ?")
        .param(sessionId)
        .query(String.class)
        .single();
  }

  /** Queues notifications with the configured faults applied. */
  private void queue(String notifyUrl, List<Map<String, Object>> events) {
    SandboxFaults.Faults f = faults.current();
    Instant now = clock.instant();
    List<Map<String, Object>> ordered = new ArrayList<>(events);
    if (f.reorder()) {
      java.util.Collections.reverse(ordered);
    }
    for (int i = 0; i < ordered.size(); i++) {
      String body = body(ordered.get(i));
      String eventId = (String) ordered.get(i).get("id");
      Instant due = now.plusSeconds(f.delaySeconds()).plusMillis(f.reorder() ? 1000L * i : 0);
      for (int copy = 0; copy < f.copies(); copy++) {
        jdbc.sql(
                "INSERT INTO sandbox_delivery (id, event_id, notify_url, payload, status, attempts,"
                    + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
            .params(
                UUID.randomUUID(),
                eventId,
                notifyUrl,
                body,
                f.drop() ? "DROPPED" : "QUEUED",
                ts(due),
                ts(now))
            .update();
      }
    }
  }

  private static Instant plusMonths(Instant at, int months) {
    return at.atZone(java.time.ZoneOffset.UTC).plusMonths(months).toInstant();
  }

  private static String token() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }
}
