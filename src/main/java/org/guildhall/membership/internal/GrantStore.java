package org.guildhall.membership.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What paid orders granted: membership periods ({@code membership_grant}) and items bought one by
 * one ({@code item_entitlement}). Both are keyed by the order, so an order grants once.
 */
@Repository
class GrantStore {

  /** One order's effect on a membership. */
  record Grant(
      UUID orderId,
      UUID membershipId,
      UUID accountId,
      UUID tierId,
      BillingPeriod billing,
      String kind,
      Instant periodStart,
      Instant periodEnd,
      Money amount,
      Instant grantedAt,
      long revokedSeconds,
      Instant revokedAt) {

    /** Seconds of membership this order paid for; 0 for lifetime. */
    long seconds() {
      return periodEnd == null ? 0 : periodEnd.getEpochSecond() - periodStart.getEpochSecond();
    }
  }

  private final JdbcClient jdbc;

  GrantStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(UUID orderId) {
    return jdbc.sql("SELECT COUNT(*) FROM membership_grant WHERE order_id = ?")
            .param(orderId)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(Grant g) {
    jdbc.sql(
            "INSERT INTO membership_grant (order_id, membership_id, account_id, tier_id, billing,"
                + " kind, period_start, period_end, amount_minor, currency, granted_at) VALUES (?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            g.orderId(),
            g.membershipId(),
            g.accountId(),
            g.tierId(),
            g.billing().name(),
            g.kind(),
            ts(g.periodStart()),
            ts(g.periodEnd()),
            g.amount().minor(),
            g.amount().currency().getCurrencyCode(),
            ts(g.grantedAt()))
        .update();
  }

  Optional<Grant> find(UUID orderId) {
    return jdbc.sql("SELECT * FROM membership_grant WHERE order_id = ?")
        .param(orderId)
        .query(GrantStore::row)
        .optional();
  }

  /** The latest grant of a membership that is still running at {@code now}, if any. */
  Optional<Grant> running(UUID membershipId, Instant now) {
    return jdbc.sql(
            "SELECT * FROM membership_grant WHERE membership_id = ? AND revoked_at IS NULL AND"
                + " period_start <= ? AND (period_end IS NULL OR period_end > ?) ORDER BY"
                + " period_start DESC LIMIT 1")
        .params(membershipId, ts(now), ts(now))
        .query(GrantStore::row)
        .optional();
  }

  List<Grant> ofAccount(UUID accountId, int limit) {
    return jdbc.sql(
            "SELECT * FROM membership_grant WHERE account_id = ? ORDER BY granted_at DESC,"
                + " period_start DESC LIMIT ?")
        .params(accountId, limit)
        .query(GrantStore::row)
        .list();
  }

  /** Records that {@code seconds} more of the grant were taken back; true if it changed. */
  boolean revoke(UUID orderId, long fromSeconds, long toSeconds, Instant now) {
    return jdbc.sql(
                "UPDATE membership_grant SET revoked_seconds = ?, revoked_at = ? WHERE order_id = ?"
                    + " AND revoked_seconds = ?")
            .params(toSeconds, ts(now), orderId, fromSeconds)
            .update()
        == 1;
  }

  /** Grants an item bought by itself; false if this order granted it already. */
  boolean entitle(UUID orderId, UUID accountId, ItemRef item, Instant now) {
    return jdbc.sql(
                "INSERT INTO item_entitlement (order_id, account_id, item_kind, item_key,"
                    + " granted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(orderId, accountId, item.kind(), item.key(), ts(now))
            .update()
        == 1;
  }

  void revokeEntitlement(UUID orderId, Instant now) {
    jdbc.sql("UPDATE item_entitlement SET revoked_at = ? WHERE order_id = ? AND revoked_at IS NULL")
        .params(ts(now), orderId)
        .update();
  }

  /** Every item the person bought by itself and still holds. */
  java.util.Set<ItemRef> entitlements(UUID accountId) {
    return new java.util.HashSet<>(
        jdbc.sql(
                "SELECT item_kind, item_key FROM item_entitlement WHERE account_id = ? AND"
                    + " revoked_at IS NULL")
            .params(accountId)
            .query((rs, i) -> new ItemRef(rs.getString(1), rs.getString(2)))
            .list());
  }

  /**
   * What the order's listeners have heard besides the payment: its refunded total so far (of its
   * total) and its subscription id.
   */
  record Heard(long refundedMinor, long totalMinor, String subscriptionRef) {

    boolean refunded() {
      return refundedMinor > 0;
    }

    boolean fullyRefunded() {
      return refundedMinor >= totalMinor;
    }

    /** With a refund total reported now (refund events may come out of order). */
    Heard withRefunds(long refunded, long total) {
      return refunded > refundedMinor ? new Heard(refunded, total, subscriptionRef) : this;
    }
  }

  /**
   * Locks the order's row of what was heard (creating it) and reads it, so that an order's
   * listeners run one at a time and each sees what the others recorded.
   */
  Heard lockRefunds(UUID orderId) {
    jdbc.sql("INSERT INTO membership_order_refund (order_id) VALUES (?) ON CONFLICT DO NOTHING")
        .param(orderId)
        .update();
    return jdbc.sql(
            "SELECT refunded_minor, total_minor, subscription_ref FROM membership_order_refund"
                + " WHERE order_id = ? FOR UPDATE")
        .param(orderId)
        .query((rs, n) -> new Heard(rs.getLong(1), rs.getLong(2), rs.getString(3)))
        .single();
  }

  void recordSubscription(UUID orderId, String subscriptionRef) {
    jdbc.sql("UPDATE membership_order_refund SET subscription_ref = ? WHERE order_id = ?")
        .params(subscriptionRef, orderId)
        .update();
  }

  void recordRefunds(UUID orderId, Heard heard) {
    jdbc.sql(
            "UPDATE membership_order_refund SET refunded_minor = ?, total_minor = ? WHERE order_id"
                + " = ? AND refunded_minor < ?")
        .params(heard.refundedMinor(), heard.totalMinor(), orderId, heard.refundedMinor())
        .update();
  }

  private static Grant row(ResultSet rs, int n) throws SQLException {
    return new Grant(
        rs.getObject("order_id", UUID.class),
        rs.getObject("membership_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getObject("tier_id", UUID.class),
        BillingPeriod.valueOf(rs.getString("billing")),
        rs.getString("kind"),
        instant(rs, "period_start"),
        instant(rs, "period_end"),
        Money.of(rs.getLong("amount_minor"), rs.getString("currency").strip()),
        instant(rs, "granted_at"),
        rs.getLong("revoked_seconds"),
        instant(rs, "revoked_at"));
  }
}
