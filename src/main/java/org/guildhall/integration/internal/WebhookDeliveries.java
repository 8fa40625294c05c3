package org.guildhall.integration.internal;

import static org.guildhall.platform.jdbc.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.integration.WebhooksApi.DeliveryView;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_delivery} table. Like the mail outbox, a delivery changes state only by
 * conditional updates, so two instances never post it at the same time and a crash while posting
 * means one more attempt later, never a lost event.
 */
@Repository
class WebhookDeliveries {

  private static final String COLUMNS =
      "id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at,"
          + " last_status_code, last_error, last_response, created_at, delivered_at";

  private final JdbcClient jdbc;

  WebhookDeliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Queues an event for an endpoint unless it was queued before (a redelivered domain event);
   * returns false for such a duplicate.
   */
  boolean insert(
      UUID id, UUID endpointId, String eventId, String eventType, String payload, Instant now) {
    try {
      return jdbc.sql(
                  "INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload,"
                      + " status, attempts, next_attempt_at, created_at)"
                      + " VALUES (:id, :endpoint, :eventId, :type, :payload, 'PENDING', 0, :now,"
                      + " :now) ON CONFLICT DO NOTHING")
              .param("id", id)
              .param("endpoint", endpointId)
              .param("eventId", eventId)
              .param("type", eventType)
              .param("payload", payload)
              .param("now", utc(now))
              .update()
          == 1;
    } catch (DuplicateKeyException duplicate) {
      return false;
    }
  }

  /**
   * Pending deliveries due now whose endpoint is on, oldest first; a test event goes out even to an
   * endpoint that is off, so the owner can try a receiver before switching it on.
   */
  List<UUID> due(Instant now, int limit) {
    return jdbc.sql(
            "SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id"
                + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND (e.enabled = TRUE OR d.event_type = 'webhook.test')"
                + " ORDER BY d.next_attempt_at, d.id LIMIT :limit")
        .param("now", utc(now))
        .param("limit", limit)
        .query((rs, n) -> rs.getObject("id", UUID.class))
        .list();
  }

  /**
   * Takes a due delivery by moving its next attempt to {@code leaseUntil}; false when another
   * instance took it first. If this instance dies while posting, the delivery is due again when the
   * lease ends.
   */
  boolean claim(UUID id, Instant now, Instant leaseUntil) {
    return jdbc.sql(
                "UPDATE webhook_delivery SET next_attempt_at = :lease"
                    + " WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now")
            .param("lease", utc(leaseUntil))
            .param("id", id)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /**
   * Records success, if this worker still holds the delivery: its lease ({@code next_attempt_at})
   * is the one it claimed with, so a worker that overran its lease cannot overwrite the state that
   * the instance which took the delivery over has written.
   */
  boolean markDelivered(
      UUID id, Instant lease, int attempts, int statusCode, String response, Instant now) {
    return jdbc.sql(
                "UPDATE webhook_delivery SET status = 'DELIVERED', attempts = :attempts,"
                    + " last_status_code = :code, last_error = NULL, last_response = :response,"
                    + " delivered_at = :now, next_attempt_at = NULL"
                    + " WHERE id = :id AND status = 'PENDING' AND next_attempt_at = :lease")
            .param("attempts", attempts)
            .param("code", statusCode)
            .param("response", response)
            .param("now", utc(now))
            .param("id", id)
            .param("lease", utc(lease))
            .update()
        == 1;
  }

  /**
   * A failed attempt, if this worker still holds the delivery: pending again at {@code
   * nextAttemptAt}, or failed for good when that is null.
   */
  boolean markAttemptFailed(
      UUID id,
      Instant lease,
      int attempts,
      Integer statusCode,
      String error,
      String response,
      Instant nextAttemptAt) {
    return jdbc.sql(
                "UPDATE webhook_delivery SET status = :status, attempts = :attempts,"
                    + " last_status_code = :code, last_error = :error, last_response = :response,"
                    + " next_attempt_at = :next"
                    + " WHERE id = :id AND status = 'PENDING' AND next_attempt_at = :lease")
            .param("status", nextAttemptAt == null ? "FAILED" : "PENDING")
            .param("attempts", attempts)
            .param("code", statusCode)
            .param("error", error)
            .param("response", response)
            .param("next", nextAttemptAt == null ? null : utc(nextAttemptAt))
            .param("id", id)
            .param("lease", utc(lease))
            .update()
        == 1;
  }

  /**
   * Moves an endpoint's other due deliveries to {@code until} without counting an attempt: after it
   * failed once, its queue waits, and the next run starts with other endpoints' deliveries.
   */
  int postpone(UUID endpointId, Instant now, Instant until) {
    return jdbc.sql(
            "UPDATE webhook_delivery SET next_attempt_at = :until"
                + " WHERE endpoint_id = :endpoint AND status = 'PENDING' AND next_attempt_at <= :now")
        .param("until", utc(until))
        .param("endpoint", endpointId)
        .param("now", utc(now))
        .update();
  }

  /** A delivered or failed delivery becomes pending now with a fresh count; false otherwise. */
  boolean redeliver(UUID id, Instant now) {
    return jdbc.sql(
                "UPDATE webhook_delivery SET status = 'PENDING', attempts = 0,"
                    + " next_attempt_at = :now, delivered_at = NULL"
                    + " WHERE id = :id AND status IN ('DELIVERED', 'FAILED')")
            .param("now", utc(now))
            .param("id", id)
            .update()
        == 1;
  }

  /**
   * Deletes up to {@code limit} finished (delivered or failed) deliveries created before {@code
   * before}; pending ones stay whatever their age. Returns how many went.
   */
  int prune(Instant before, int limit) {
    return jdbc.sql(
            "DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM webhook_delivery"
                + " WHERE created_at < :before AND status IN ('DELIVERED', 'FAILED')"
                + " ORDER BY created_at LIMIT :limit)")
        .param("before", utc(before))
        .param("limit", limit)
        .update();
  }

  Optional<DeliveryView> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE id = ?")
        .param(id)
        .query(WebhookDeliveries::view)
        .optional();
  }

  /** An endpoint's deliveries, newest first, one page by key. */
  KeysetPage<DeliveryView> page(UUID endpointId, String cursor, int size) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT " + COLUMNS + " FROM webhook_delivery WHERE endpoint_id = :endpoint");
    Map<String, Object> params = new HashMap<>();
    params.put("endpoint", endpointId);
    Optional<Cursor> after = Cursor.decode(cursor);
    if (after.isPresent()) {
      sql.append(" AND (created_at < :at OR (created_at = :at AND id < :id))");
      params.put("at", utc(after.get().at()));
      params.put("id", after.get().id());
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
    params.put("limit", size + 1);
    List<DeliveryView> rows =
        jdbc.sql(sql.toString()).params(params).query(WebhookDeliveries::view).list();
    return KeysetPage.of(rows, size, d -> new Cursor(d.createdAt(), d.id()));
  }

  private static DeliveryView view(ResultSet rs, int n) throws SQLException {
    int code = rs.getInt("last_status_code");
    Integer statusCode = rs.wasNull() ? null : code;
    return new DeliveryView(
        rs.getObject("id", UUID.class),
        rs.getObject("endpoint_id", UUID.class),
        rs.getString("event_id"),
        rs.getString("event_type"),
        rs.getString("payload"),
        rs.getString("status"),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        statusCode,
        rs.getString("last_error"),
        rs.getString("last_response"),
        instant(rs, "created_at"),
        instant(rs, "delivered_at"));
  }

  /** Microseconds, as both databases keep them, so an instant compares as it was written. */
  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
