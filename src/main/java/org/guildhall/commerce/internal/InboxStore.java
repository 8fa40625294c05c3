package org.guildhall.commerce.internal;

import static org.guildhall.platform.jdbc.Sql.ts;

import java.time.Instant;
import org.guildhall.commerce.gateway.VerifiedNotification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification inbox. A row is inserted in the transaction that applies the notification, so
 * either both are stored or neither; the primary key {@code (gateway, event_id)} turns a redelivery
 * into a no-op.
 */
@Repository
class InboxStore {

  private final JdbcClient jdbc;

  InboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** False when this event was stored before (a duplicate). */
  boolean insert(String gateway, VerifiedNotification n, String outcome, Instant now) {
    return jdbc.sql(
                "INSERT INTO payment_notification (gateway, event_id, type, order_id,"
                    + " amount_minor, currency, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " ?) ON CONFLICT DO NOTHING")
            .params(
                gateway,
                n.eventId(),
                n.type().name(),
                n.orderId(),
                n.amount() == null ? null : n.amount().minor(),
                n.amount() == null ? null : n.amount().currency().getCurrencyCode(),
                outcome,
                ts(now))
            .update()
        == 1;
  }

  void outcome(String gateway, String eventId, String outcome) {
    jdbc.sql("UPDATE payment_notification SET outcome = ? WHERE gateway = ? AND event_id = ?")
        .params(outcome, gateway, eventId)
        .update();
  }
}
