package org.guildhall.notification.internal;

import static org.guildhall.platform.jdbc.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.notification.MailOutboxApi.MailView;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_message} table. Status changes are conditional updates, so a mail moves from one
 * state to the next once even if two instances look at it at the same time.
 */
@Repository
class MailOutbox {

  private static final String COLUMNS =
      "id, kind, recipient, subject, body_html, body_text, locale, status, attempts, last_error,"
          + " created_at, sent_at";

  private final JdbcClient jdbc;

  MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a mail unless one with the same dedup key exists. Returns false for such a duplicate (a
   * redelivered event); {@code ON CONFLICT DO NOTHING} keeps the surrounding transaction usable on
   * PostgreSQL, and the catch covers any other way the unique key says no.
   */
  boolean insert(NewMail mail, MailStatus status, Instant now) {
    try {
      return jdbc.sql(
                  "INSERT INTO mail_message (id, dedup_key, kind, recipient, subject, body_text,"
                      + " body_html, locale, status, attempts, next_attempt_at, created_at)"
                      + " VALUES (:id, :dedupKey, :kind, :recipient, :subject, :bodyText, :bodyHtml,"
                      + " :locale, :status, 0, :nextAttemptAt, :createdAt)"
                      + " ON CONFLICT DO NOTHING")
              .param("id", UUID.randomUUID())
              .param("dedupKey", mail.dedupKey())
              .param("kind", mail.kind())
              .param("recipient", mail.recipient())
              .param("subject", mail.subject())
              .param("bodyText", mail.bodyText())
              .param("bodyHtml", mail.bodyHtml())
              .param("locale", mail.locale())
              .param("status", status.name())
              .param("nextAttemptAt", status == MailStatus.PENDING ? utc(now) : null)
              .param("createdAt", utc(now))
              .update()
          == 1;
    } catch (DuplicateKeyException duplicate) {
      return false;
    }
  }

  boolean exists(String dedupKey) {
    return jdbc.sql("SELECT COUNT(*) FROM mail_message WHERE dedup_key = ?")
            .param(dedupKey)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Ids of pending mails whose next attempt is due, oldest first. */
  List<UUID> due(Instant now, int limit) {
    return jdbc.sql(
            "SELECT id FROM mail_message WHERE status = 'PENDING' AND next_attempt_at <= :now"
                + " ORDER BY created_at, id LIMIT :limit")
        .param("now", utc(now))
        .param("limit", limit)
        .query((rs, n) -> rs.getObject("id", UUID.class))
        .list();
  }

  /**
   * Takes a due mail for sending by moving its next attempt to {@code leaseUntil}: a concurrent
   * dispatcher no longer sees it as due, and if this instance dies while sending, the mail becomes
   * due again when the lease ends. Returns false when someone else took it first.
   */
  boolean claim(UUID id, Instant now, Instant leaseUntil) {
    return jdbc.sql(
                "UPDATE mail_message SET next_attempt_at = :lease"
                    + " WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now")
            .param("lease", utc(leaseUntil))
            .param("id", id)
            .param("now", utc(now))
            .update()
        == 1;
  }

  void markSent(UUID id, int attempts, Instant now) {
    jdbc.sql(
            "UPDATE mail_message SET status = 'SENT', attempts = :attempts, sent_at = :now,"
                + " next_attempt_at = NULL WHERE id = :id AND status = 'PENDING'")
        .param("attempts", attempts)
        .param("now", utc(now))
        .param("id", id)
        .update();
  }

  /** Records a failed attempt: pending again at {@code nextAttemptAt}, or failed for good. */
  void markAttemptFailed(UUID id, int attempts, String error, Instant nextAttemptAt) {
    jdbc.sql(
            "UPDATE mail_message SET status = :status, attempts = :attempts, last_error = :error,"
                + " next_attempt_at = :next WHERE id = :id AND status = 'PENDING'")
        .param(
            "status", nextAttemptAt == null ? MailStatus.FAILED.name() : MailStatus.PENDING.name())
        .param("attempts", attempts)
        .param("error", error)
        .param("next", nextAttemptAt == null ? null : utc(nextAttemptAt))
        .param("id", id)
        .update();
  }

  /**
   * A failed mail, or one held while SMTP was not configured, becomes pending now with a fresh
   * count; false if it is neither.
   */
  boolean retry(UUID id, Instant now) {
    return jdbc.sql(
                "UPDATE mail_message SET status = 'PENDING', attempts = 0, next_attempt_at = :now"
                    + " WHERE id = :id AND status IN ('FAILED', 'HELD')")
            .param("now", utc(now))
            .param("id", id)
            .update()
        == 1;
  }

  Optional<MailView> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mail_message WHERE id = ?")
        .param(id)
        .query(MailOutbox::view)
        .optional();
  }

  /** Newest first, optionally filtered by recipient, one page by key (never by offset). */
  KeysetPage<MailView> page(String recipientFilter, String cursor, int size) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM mail_message WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (recipientFilter != null && !recipientFilter.isBlank()) {
      sql.append(" AND LOWER(recipient) LIKE :recipient ESCAPE '\\'");
      params.put(
          "recipient", "%" + escapeLike(recipientFilter.strip().toLowerCase(Locale.ROOT)) + "%");
    }
    Optional<Cursor> after = Cursor.decode(cursor);
    if (after.isPresent()) {
      sql.append(" AND (created_at < :at OR (created_at = :at AND id < :id))");
      params.put("at", utc(after.get().at()));
      params.put("id", after.get().id());
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
    params.put("limit", size + 1);
    List<MailView> rows = jdbc.sql(sql.toString()).params(params).query(MailOutbox::view).list();
    return KeysetPage.of(rows, size, m -> new Cursor(m.createdAt(), m.id()));
  }

  private static MailView view(ResultSet rs, int n) throws SQLException {
    return new MailView(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("body_html"),
        rs.getString("body_text"),
        rs.getString("locale"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs, "created_at"),
        instant(rs, "sent_at"));
  }

  /**
   * The databases keep microseconds and round (not truncate) finer values, so a mail stored "now"
   * with nanoseconds could land just after "now" and not be due yet. Truncating every value both
   * written and compared keeps the order of instants.
   */
  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
