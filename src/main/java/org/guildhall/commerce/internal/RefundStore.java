package org.guildhall.commerce.internal;

import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_refund} table: one row per refund, moved on by conditional updates. */
@Repository
class RefundStore {

  /** A refund still to be sent to its gateway (REQUESTED) or being retried. */
  record Due(UUID id, UUID orderId, Money amount, String reason, String idempotencyKey) {}

  private final JdbcClient jdbc;

  RefundStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a refund request (and its idempotency key) before the gateway is called. */
  void request(
      UUID id,
      UUID orderId,
      Money amount,
      String reason,
      boolean automatic,
      UUID requestedBy,
      String idempotencyKey,
      Instant now) {
    jdbc.sql(
            "INSERT INTO payment_refund (id, order_id, amount_minor, currency, reason, status,"
                + " automatic, requested_by, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?,"
                + " 'REQUESTED', ?, ?, ?, ?)")
        .params(
            id,
            orderId,
            amount.minor(),
            amount.currency().getCurrencyCode(),
            reason,
            automatic,
            requestedBy,
            idempotencyKey,
            ts(now))
        .update();
  }

  /** Money already promised back: refunds not failed. */
  long committedMinor(UUID orderId) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(amount_minor), 0) FROM payment_refund WHERE order_id = ? AND"
                + " status <> 'FAILED'")
        .param(orderId)
        .query(Long.class)
        .single();
  }

  long succeededMinor(UUID orderId) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(amount_minor), 0) FROM payment_refund WHERE order_id = ? AND"
                + " status = 'SUCCEEDED'")
        .param(orderId)
        .query(Long.class)
        .single();
  }

  boolean hasAutomatic(UUID orderId) {
    return jdbc.sql("SELECT COUNT(*) FROM payment_refund WHERE order_id = ? AND automatic = TRUE")
            .param(orderId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** REQUESTED or PENDING → the gateway's answer. */
  boolean settle(UUID id, String status, String refundRef, String message, Instant now) {
    return jdbc.sql(
                "UPDATE payment_refund SET status = ?, refund_ref = COALESCE(?, refund_ref),"
                    + " message = ?, settled_at = CASE WHEN ? IN ('SUCCEEDED', 'FAILED') THEN ?"
                    + " ELSE settled_at END WHERE id = ? AND status IN ('REQUESTED', 'PENDING')")
            .params(status, refundRef, message, status, ts(now), id)
            .update()
        == 1;
  }

  /**
   * Records a refund the gateway reports as done. It is matched to our request by the provider's
   * refund id, else to an unsettled request of the same amount; a refund made outside Guildhall (in
   * the provider's dashboard) gets a row of its own. Returns true if anything changed.
   */
  boolean recordSucceeded(UUID orderId, Money amount, String refundRef, Instant now) {
    if (refundRef != null) {
      Optional<String> known =
          jdbc.sql("SELECT status FROM payment_refund WHERE order_id = ? AND refund_ref = ?")
              .params(orderId, refundRef)
              .query(String.class)
              .optional();
      if (known.isPresent()) {
        return jdbc.sql(
                    "UPDATE payment_refund SET status = 'SUCCEEDED', settled_at = ? WHERE order_id"
                        + " = ? AND refund_ref = ? AND status <> 'SUCCEEDED'")
                .params(ts(now), orderId, refundRef)
                .update()
            == 1;
      }
    }
    Optional<UUID> open =
        jdbc.sql(
                "SELECT id FROM payment_refund WHERE order_id = ? AND amount_minor = ? AND status"
                    + " IN ('REQUESTED', 'PENDING') ORDER BY created_at LIMIT 1")
            .params(orderId, amount.minor())
            .query(UUID.class)
            .optional();
    if (open.isPresent()) {
      return settle(open.get(), "SUCCEEDED", refundRef, null, now);
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO payment_refund (id, order_id, amount_minor, currency, reason, status,"
                + " automatic, idempotency_key, refund_ref, created_at, settled_at) VALUES (?, ?,"
                + " ?, ?, 'gateway', 'SUCCEEDED', FALSE, ?, ?, ?, ?)")
        .params(
            id,
            orderId,
            amount.minor(),
            amount.currency().getCurrencyCode(),
            "external-" + id,
            refundRef,
            ts(now),
            ts(now))
        .update();
    return true;
  }

  /** Requests the gateway has not answered yet, oldest first (for the retry job). */
  List<Due> due(Instant createdBefore, int limit) {
    return jdbc.sql(
            "SELECT id, order_id, amount_minor, currency, reason, idempotency_key FROM"
                + " payment_refund WHERE status = 'REQUESTED' AND created_at <= ? ORDER BY"
                + " created_at LIMIT ?")
        .params(ts(createdBefore), limit)
        .query(
            (rs, n) ->
                new Due(
                    uuid(rs, "id"),
                    uuid(rs, "order_id"),
                    Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                    rs.getString("reason"),
                    rs.getString("idempotency_key")))
        .list();
  }

  Optional<Due> find(UUID id) {
    return jdbc.sql(
            "SELECT id, order_id, amount_minor, currency, reason, idempotency_key FROM"
                + " payment_refund WHERE id = ? AND status = 'REQUESTED'")
        .param(id)
        .query(
            (rs, n) ->
                new Due(
                    uuid(rs, "id"),
                    uuid(rs, "order_id"),
                    Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                    rs.getString("reason"),
                    rs.getString("idempotency_key")))
        .optional();
  }
}
