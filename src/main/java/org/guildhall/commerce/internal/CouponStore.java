package org.guildhall.commerce.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.shared.Money;
import org.guildhall.shared.paging.Cursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coupons and who holds their uses. A use is taken when an order is made (so two buyers cannot both
 * pay with the last one) and given back if that order expires or is cancelled. Both limits are
 * conditional updates of counted rows, checked again by CHECK constraints.
 */
@Repository
class CouponStore {

  record Coupon(
      UUID id,
      String code,
      Integer percentOff,
      Money amountOff,
      String scopeKind,
      String scopeKey,
      Instant startsAt,
      Instant endsAt,
      Integer totalLimit,
      int perPersonLimit,
      boolean firstPurchaseOnly,
      int reserved,
      boolean active,
      Instant createdAt) {

    boolean covers(ItemRef item) {
      return Scopes.covers(scopeKind, scopeKey, item);
    }

    boolean validAt(Instant now) {
      return (startsAt == null || !now.isBefore(startsAt))
          && (endsAt == null || now.isBefore(endsAt));
    }

    boolean exhausted() {
      return totalLimit != null && reserved >= totalLimit;
    }

    /** The reduction on {@code price}, never more than the price. */
    Money reductionOn(Money price) {
      return Scopes.reduction(price, percentOff, amountOff);
    }
  }

  private static final String COLUMNS =
      "id, code, percent_off, amount_off_minor, currency, scope_kind, scope_key, starts_at,"
          + " ends_at, total_limit, per_person_limit, first_purchase_only, reserved_count, active,"
          + " created_at";

  private final JdbcClient jdbc;

  CouponStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String normalize(String code) {
    return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
  }

  Optional<Coupon> byCode(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM coupon WHERE code = ?")
        .param(normalize(code))
        .query(CouponStore::row)
        .optional();
  }

  int heldBy(UUID couponId, UUID accountId) {
    return jdbc.sql("SELECT held FROM coupon_holder WHERE coupon_id = ? AND account_id = ?")
        .params(couponId, accountId)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  void insert(Coupon c) {
    jdbc.sql(
            "INSERT INTO coupon (id, code, percent_off, amount_off_minor, currency, scope_kind,"
                + " scope_key, starts_at, ends_at, total_limit, per_person_limit,"
                + " first_purchase_only, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)")
        .params(
            c.id(),
            normalize(c.code()),
            c.percentOff(),
            c.amountOff() == null ? null : c.amountOff().minor(),
            c.amountOff() == null ? "CNY" : c.amountOff().currency().getCurrencyCode(),
            c.scopeKind(),
            c.scopeKey(),
            ts(c.startsAt()),
            ts(c.endsAt()),
            c.totalLimit(),
            c.perPersonLimit(),
            c.firstPurchaseOnly(),
            c.active(),
            ts(c.createdAt()))
        .update();
  }

  boolean setActive(UUID id, boolean active) {
    return jdbc.sql("UPDATE coupon SET active = ? WHERE id = ?").params(active, id).update() == 1;
  }

  List<Coupon> page(Cursor after, int limit) {
    String keyset =
        after == null ? "" : " WHERE (created_at < :at OR (created_at = :at AND id < :after))";
    var spec =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM coupon"
                    + keyset
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit")
            .param("limit", limit);
    if (after != null) {
      spec = spec.param("at", ts(after.at())).param("after", after.id());
    }
    return spec.query(CouponStore::row).list();
  }

  long paidUses(UUID couponId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM commerce_order WHERE coupon_id = ? AND paid_at IS NOT NULL")
        .param(couponId)
        .query(Long.class)
        .single();
  }

  /**
   * Takes one use of the coupon for the account: the total first, then the person's share. Returns
   * null on success or the message key of the limit that said no; the caller's transaction rolls
   * back on a refusal, so a half-taken use never stays.
   */
  String take(UUID couponId, UUID accountId) {
    int total =
        jdbc.sql(
                "UPDATE coupon SET reserved_count = reserved_count + 1 WHERE id = ? AND active ="
                    + " TRUE AND (total_limit IS NULL OR reserved_count < total_limit)")
            .param(couponId)
            .update();
    if (total == 0) {
      return "coupon.exhausted";
    }
    jdbc.sql(
            "INSERT INTO coupon_holder (coupon_id, account_id, held) VALUES (?, ?, 0) ON CONFLICT"
                + " DO NOTHING")
        .params(couponId, accountId)
        .update();
    int mine =
        jdbc.sql(
                "UPDATE coupon_holder SET held = held + 1 WHERE coupon_id = ? AND account_id = ? AND"
                    + " held < (SELECT per_person_limit FROM coupon WHERE id = ?)")
            .params(couponId, accountId, couponId)
            .update();
    return mine == 1 ? null : "coupon.used-up-by-you";
  }

  /** Gives a use back (its order expired or was cancelled before payment). */
  void giveBack(UUID couponId, UUID accountId) {
    jdbc.sql(
            "UPDATE coupon SET reserved_count = reserved_count - 1 WHERE id = ? AND reserved_count > 0")
        .param(couponId)
        .update();
    jdbc.sql(
            "UPDATE coupon_holder SET held = held - 1 WHERE coupon_id = ? AND account_id = ? AND"
                + " held > 0")
        .params(couponId, accountId)
        .update();
  }

  private static Coupon row(ResultSet rs, int n) throws SQLException {
    long amountOff = rs.getLong("amount_off_minor");
    boolean hasAmount = !rs.wasNull();
    int percent = rs.getInt("percent_off");
    boolean hasPercent = !rs.wasNull();
    int limit = rs.getInt("total_limit");
    boolean hasLimit = !rs.wasNull();
    return new Coupon(
        uuid(rs, "id"),
        rs.getString("code"),
        hasPercent ? percent : null,
        hasAmount ? Money.of(amountOff, rs.getString("currency")) : null,
        rs.getString("scope_kind"),
        rs.getString("scope_key"),
        instant(rs, "starts_at"),
        instant(rs, "ends_at"),
        hasLimit ? limit : null,
        rs.getInt("per_person_limit"),
        rs.getBoolean("first_purchase_only"),
        rs.getInt("reserved_count"),
        rs.getBoolean("active"),
        instant(rs, "created_at"));
  }
}
