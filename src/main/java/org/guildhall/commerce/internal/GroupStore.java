package org.guildhall.commerce.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Group-buy deals, groups and their members. A seat is taken with one conditional update of the
 * group row ({@code seats_taken < group_size}), a person joins a group once (primary key), and a
 * group completes with one conditional update when its paid count reaches its size.
 */
@Repository
class GroupStore {

  record Deal(UUID id, ItemRef item, Money groupPrice, int size, int hoursToFill, boolean active) {}

  record Group(
      UUID id,
      UUID dealId,
      UUID leaderId,
      String status,
      int size,
      int seatsTaken,
      int paid,
      Instant openedAt,
      Instant expiresAt,
      Instant closedAt) {

    boolean open() {
      return "OPEN".equals(status);
    }
  }

  private final JdbcClient jdbc;

  GroupStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertDeal(Deal d, Instant now) {
    jdbc.sql(
            "INSERT INTO group_deal (id, item_kind, item_key, group_price_minor, currency,"
                + " group_size, hours_to_fill, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)")
        .params(
            d.id(),
            d.item().kind(),
            d.item().key(),
            d.groupPrice().minor(),
            d.groupPrice().currency().getCurrencyCode(),
            d.size(),
            d.hoursToFill(),
            d.active(),
            ts(now))
        .update();
  }

  Optional<Deal> deal(UUID id) {
    return jdbc.sql(
            "SELECT id, item_kind, item_key, group_price_minor, currency, group_size,"
                + " hours_to_fill, active FROM group_deal WHERE id = ?")
        .param(id)
        .query(GroupStore::deal)
        .optional();
  }

  List<Deal> dealsFor(ItemRef item) {
    return jdbc.sql(
            "SELECT id, item_kind, item_key, group_price_minor, currency, group_size,"
                + " hours_to_fill, active FROM group_deal WHERE item_kind = ? AND item_key = ? AND"
                + " active = TRUE ORDER BY group_price_minor")
        .params(item.kind(), item.key())
        .query(GroupStore::deal)
        .list();
  }

  List<Deal> allDeals() {
    return jdbc.sql(
            "SELECT id, item_kind, item_key, group_price_minor, currency, group_size,"
                + " hours_to_fill, active FROM group_deal ORDER BY created_at DESC LIMIT 200")
        .query(GroupStore::deal)
        .list();
  }

  Optional<Group> group(UUID id) {
    return jdbc.sql(
            "SELECT id, deal_id, leader_id, status, group_size, seats_taken, paid_count,"
                + " opened_at, expires_at, closed_at FROM group_buy WHERE id = ?")
        .param(id)
        .query(GroupStore::group)
        .optional();
  }

  void open(UUID groupId, Deal deal, UUID leaderId, UUID orderId, Instant now) {
    jdbc.sql(
            "INSERT INTO group_buy (id, deal_id, leader_id, status, group_size, seats_taken,"
                + " paid_count, opened_at, expires_at) VALUES (?, ?, ?, 'OPEN', ?, 1, 0, ?, ?)")
        .params(
            groupId,
            deal.id(),
            leaderId,
            deal.size(),
            ts(now),
            ts(now.plusSeconds(deal.hoursToFill() * 3600L)))
        .update();
    addMember(groupId, leaderId, orderId, now);
  }

  /**
   * Takes a seat in an open group that has one and has not run out of time. Returns null, or the
   * message key of why not.
   */
  String join(UUID groupId, UUID accountId, UUID orderId, Instant now) {
    int seat =
        jdbc.sql(
                "UPDATE group_buy SET seats_taken = seats_taken + 1 WHERE id = ? AND status ="
                    + " 'OPEN' AND seats_taken < group_size AND expires_at > ?")
            .params(groupId, ts(now))
            .update();
    if (seat == 0) {
      return "group.full";
    }
    try {
      addMember(groupId, accountId, orderId, now);
      return null;
    } catch (DuplicateKeyException twice) {
      return "group.already-in";
    }
  }

  private void addMember(UUID groupId, UUID accountId, UUID orderId, Instant now) {
    jdbc.sql(
            "INSERT INTO group_buy_member (group_id, account_id, order_id, status, joined_at)"
                + " VALUES (?, ?, ?, 'RESERVED', ?)")
        .params(groupId, accountId, orderId, ts(now))
        .update();
  }

  boolean isMember(UUID groupId, UUID accountId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM group_buy_member WHERE group_id = ? AND account_id = ? AND"
                    + " status <> 'RELEASED'")
            .params(groupId, accountId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The member's seat is paid for; true the first time. */
  boolean memberPaid(UUID groupId, UUID orderId) {
    int changed =
        jdbc.sql(
                "UPDATE group_buy_member SET status = 'PAID' WHERE order_id = ? AND status ="
                    + " 'RESERVED'")
            .param(orderId)
            .update();
    if (changed == 1) {
      jdbc.sql("UPDATE group_buy SET paid_count = paid_count + 1 WHERE id = ?")
          .param(groupId)
          .update();
    }
    return changed == 1;
  }

  /** OPEN → COMPLETED when every seat is paid; true exactly once. */
  boolean complete(UUID groupId, Instant now) {
    return jdbc.sql(
                "UPDATE group_buy SET status = 'COMPLETED', closed_at = ? WHERE id = ? AND status ="
                    + " 'OPEN' AND paid_count = group_size")
            .params(ts(now), groupId)
            .update()
        == 1;
  }

  /** OPEN → FAILED once its time has run out; true exactly once. */
  boolean fail(UUID groupId, Instant now) {
    return jdbc.sql(
                "UPDATE group_buy SET status = 'FAILED', closed_at = ? WHERE id = ? AND status ="
                    + " 'OPEN' AND expires_at <= ?")
            .params(ts(now), groupId, ts(now))
            .update()
        == 1;
  }

  /** Gives an unpaid seat back (its order expired or was cancelled). */
  void release(UUID groupId, UUID orderId) {
    int changed =
        jdbc.sql(
                "UPDATE group_buy_member SET status = 'RELEASED' WHERE order_id = ? AND status ="
                    + " 'RESERVED'")
            .param(orderId)
            .update();
    if (changed == 1) {
      jdbc.sql(
              "UPDATE group_buy SET seats_taken = seats_taken - 1 WHERE id = ? AND seats_taken > 0")
          .param(groupId)
          .update();
    }
  }

  List<UUID> dueOpen(Instant now, int limit) {
    return jdbc.sql(
            "SELECT id FROM group_buy WHERE status = 'OPEN' AND expires_at <= ? ORDER BY"
                + " expires_at LIMIT ?")
        .params(ts(now), limit)
        .query(UUID.class)
        .list();
  }

  private static Deal deal(ResultSet rs, int n) throws SQLException {
    return new Deal(
        uuid(rs, "id"),
        new ItemRef(rs.getString("item_kind"), rs.getString("item_key")),
        Money.of(rs.getLong("group_price_minor"), rs.getString("currency")),
        rs.getInt("group_size"),
        rs.getInt("hours_to_fill"),
        rs.getBoolean("active"));
  }

  private static Group group(ResultSet rs, int n) throws SQLException {
    return new Group(
        uuid(rs, "id"),
        uuid(rs, "deal_id"),
        uuid(rs, "leader_id"),
        rs.getString("status"),
        rs.getInt("group_size"),
        rs.getInt("seats_taken"),
        rs.getInt("paid_count"),
        instant(rs, "opened_at"),
        instant(rs, "expires_at"),
        instant(rs, "closed_at"));
  }
}
