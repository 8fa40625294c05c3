package org.guildhall.commerce.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView.RefundView;
import org.guildhall.commerce.PriceLine;
import org.guildhall.shared.Money;
import org.guildhall.shared.paging.Cursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders, their lines and refunds. An order's lines never change after insert; its status moves
 * only through the conditional updates here, each of which reports whether it happened.
 */
@Repository
class OrderStore {

  static final String COLUMNS =
      "id, buyer_id, item_kind, item_key, title, currency, total_minor, refunded_minor, status,"
          + " gateway, session_ref, redirect_url, payment_ref, subscription_ref, recurring_months,"
          + " coupon_id, group_id, renewal_of, idempotency_key, created_at, expires_at, paid_at,"
          + " fulfilled_at, closed_at";

  private final JdbcClient jdbc;

  OrderStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(OrderRow o, List<PriceLine> lines) {
    jdbc.sql(
            "INSERT INTO commerce_order (id, buyer_id, item_kind, item_key, title, currency,"
                + " total_minor, refunded_minor, status, gateway, payment_ref, subscription_ref,"
                + " recurring_months, coupon_id, group_id, renewal_of, idempotency_key, created_at,"
                + " expires_at, paid_at, fulfilled_at) VALUES (:id, :buyer, :kind, :key, :title,"
                + " :currency, :total, 0, :status, :gateway, :paymentRef, :subscriptionRef,"
                + " :months, :coupon, :group, :renewalOf, :idem, :created, :expires, :paid,"
                + " :fulfilled)")
        .param("id", o.id())
        .param("buyer", o.buyerId())
        .param("kind", o.item().kind())
        .param("key", o.item().key())
        .param("title", o.title())
        .param("currency", o.total().currency().getCurrencyCode())
        .param("total", o.total().minor())
        .param("status", o.status().name())
        .param("gateway", o.gateway())
        .param("paymentRef", o.paymentRef())
        .param("subscriptionRef", o.subscriptionRef())
        .param("months", o.recurringMonths())
        .param("coupon", o.couponId())
        .param("group", o.groupId())
        .param("renewalOf", o.renewalOf())
        .param("idem", o.idempotencyKey())
        .param("created", ts(o.createdAt()))
        .param("expires", ts(o.expiresAt()))
        .param("paid", ts(o.paidAt()))
        .param("fulfilled", ts(o.fulfilledAt()))
        .update();
    int position = 0;
    for (PriceLine line : lines) {
      jdbc.sql(
              "INSERT INTO commerce_order_line (order_id, position, kind, label, amount_minor)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(o.id(), position++, line.kind(), line.label(), line.amount().minor())
          .update();
    }
  }

  Optional<OrderRow> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM commerce_order WHERE id = ?")
        .param(id)
        .query(OrderStore::row)
        .optional();
  }

  /** Reads the order and locks its row until the transaction ends (serialises refunds). */
  Optional<OrderRow> lockForUpdate(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM commerce_order WHERE id = ? FOR UPDATE")
        .param(id)
        .query(OrderStore::row)
        .optional();
  }

  Optional<OrderRow> findByIdempotencyKey(UUID buyerId, String key) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM commerce_order WHERE buyer_id = ? AND idempotency_key = ?")
        .params(buyerId, key)
        .query(OrderStore::row)
        .optional();
  }

  List<OrderRow> byBuyer(UUID buyerId, Cursor after, int limit) {
    String keyset =
        after == null ? "" : " AND (created_at < :at OR (created_at = :at AND id < :after))";
    var spec =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM commerce_order WHERE buyer_id = :buyer"
                    + keyset
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit")
            .param("buyer", buyerId)
            .param("limit", limit);
    if (after != null) {
      spec = spec.param("at", ts(after.at())).param("after", after.id());
    }
    return spec.query(OrderStore::row).list();
  }

  List<OrderRow> byGroup(UUID groupId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM commerce_order WHERE group_id = ?")
        .param(groupId)
        .query(OrderStore::row)
        .list();
  }

  List<OrderRow> pendingCreatedBefore(Instant before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM commerce_order WHERE status = 'PENDING' AND created_at < ?"
                + " ORDER BY created_at LIMIT ?")
        .params(ts(before), limit)
        .query(OrderStore::row)
        .list();
  }

  boolean owns(UUID buyerId, ItemRef item) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM commerce_order WHERE buyer_id = ? AND item_kind = ? AND"
                    + " item_key = ? AND status IN ('PAID', 'PARTIALLY_REFUNDED') AND fulfilled_at"
                    + " IS NOT NULL")
            .params(buyerId, item.kind(), item.key())
            .query(Long.class)
            .single()
        > 0;
  }

  boolean hasPaidBefore(UUID buyerId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM commerce_order WHERE buyer_id = ? AND paid_at IS NOT NULL")
            .param(buyerId)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<OrderRow> findByRenewal(String gateway, String paymentRef) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM commerce_order WHERE gateway = ? AND payment_ref = ?")
        .params(gateway, paymentRef)
        .query(OrderStore::row)
        .optional();
  }

  void startedPayment(UUID id, String sessionRef, String redirectUrl) {
    jdbc.sql("UPDATE commerce_order SET session_ref = ?, redirect_url = ? WHERE id = ?")
        .params(sessionRef, redirectUrl, id)
        .update();
  }

  /** PENDING → PAID; false if the order was not pending (already paid, or closed). */
  boolean markPaid(UUID id, String paymentRef, Instant now) {
    return jdbc.sql(
                "UPDATE commerce_order SET status = 'PAID', paid_at = ?, payment_ref = ? WHERE id ="
                    + " ? AND status = 'PENDING'")
            .params(ts(now), paymentRef, id)
            .update()
        == 1;
  }

  /**
   * EXPIRED or CANCELED → PAID: the buyer paid after the order closed. The money is recorded (and
   * then refunded automatically); nothing is granted.
   */
  boolean markPaidLate(UUID id, String paymentRef, Instant now) {
    return jdbc.sql(
                "UPDATE commerce_order SET status = 'PAID', paid_at = ?, payment_ref = ? WHERE id ="
                    + " ? AND status IN ('EXPIRED', 'CANCELED')")
            .params(ts(now), paymentRef, id)
            .update()
        == 1;
  }

  /** Records that the order's effects were granted; true only the first time. */
  boolean markFulfilled(UUID id, Instant now) {
    return jdbc.sql(
                "UPDATE commerce_order SET fulfilled_at = ? WHERE id = ? AND fulfilled_at IS NULL"
                    + " AND status = 'PAID'")
            .params(ts(now), id)
            .update()
        == 1;
  }

  boolean linkSubscription(UUID id, String subscriptionRef) {
    return jdbc.sql(
                "UPDATE commerce_order SET subscription_ref = ? WHERE id = ? AND subscription_ref IS"
                    + " NULL")
            .params(subscriptionRef, id)
            .update()
        == 1;
  }

  /** PENDING → EXPIRED or CANCELED. */
  boolean close(UUID id, OrderStatus to, Instant now) {
    return jdbc.sql(
                "UPDATE commerce_order SET status = ?, closed_at = ? WHERE id = ? AND status ="
                    + " 'PENDING'")
            .params(to.name(), ts(now), id)
            .update()
        == 1;
  }

  /** Moves the refunded total from what the caller read to the new sum, once. */
  boolean refunded(UUID id, long from, long to, OrderStatus status, Instant now) {
    return jdbc.sql(
                "UPDATE commerce_order SET refunded_minor = ?, status = ?, closed_at = CASE WHEN ?"
                    + " = 'REFUNDED' THEN ? ELSE closed_at END WHERE id = ? AND refunded_minor = ?"
                    + " AND status IN ('PAID', 'PARTIALLY_REFUNDED')")
            .params(to, status.name(), status.name(), ts(now), id, from)
            .update()
        == 1;
  }

  List<PriceLine> lines(UUID orderId, Currency currency) {
    return jdbc.sql(
            "SELECT kind, label, amount_minor FROM commerce_order_line WHERE order_id = ? ORDER"
                + " BY position")
        .param(orderId)
        .query(
            (rs, n) ->
                new PriceLine(
                    rs.getString("kind"),
                    rs.getString("label"),
                    new Money(rs.getLong("amount_minor"), currency)))
        .list();
  }

  List<RefundView> refundViews(UUID orderId) {
    return jdbc.sql(
            "SELECT id, amount_minor, currency, reason, status, automatic, created_at, settled_at"
                + " FROM payment_refund WHERE order_id = ? ORDER BY created_at")
        .param(orderId)
        .query(
            (rs, n) ->
                new RefundView(
                    uuid(rs, "id"),
                    Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                    rs.getString("reason"),
                    rs.getString("status"),
                    rs.getBoolean("automatic"),
                    instant(rs, "created_at"),
                    instant(rs, "settled_at")))
        .list();
  }

  static OrderRow row(ResultSet rs, int n) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency"));
    return new OrderRow(
        uuid(rs, "id"),
        uuid(rs, "buyer_id"),
        new ItemRef(rs.getString("item_kind"), rs.getString("item_key")),
        rs.getString("title"),
        new Money(rs.getLong("total_minor"), currency),
        rs.getLong("refunded_minor"),
        OrderStatus.valueOf(rs.getString("status")),
        rs.getString("gateway"),
        rs.getString("session_ref"),
        rs.getString("redirect_url"),
        rs.getString("payment_ref"),
        rs.getString("subscription_ref"),
        rs.getInt("recurring_months"),
        uuid(rs, "coupon_id"),
        uuid(rs, "group_id"),
        uuid(rs, "renewal_of"),
        rs.getString("idempotency_key"),
        instant(rs, "created_at"),
        instant(rs, "expires_at"),
        instant(rs, "paid_at"),
        instant(rs, "fulfilled_at"),
        instant(rs, "closed_at"));
  }
}
