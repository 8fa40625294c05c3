package org.guildhall.commerce.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Limited-time offers: a reduction for a scope between two instants. */
@Repository
class OfferStore {

  record Offer(
      UUID id,
      String nameEn,
      String nameZh,
      String scopeKind,
      String scopeKey,
      Integer percentOff,
      Money amountOff,
      Instant startsAt,
      Instant endsAt,
      boolean active) {

    String name(java.util.Locale locale) {
      return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    boolean covers(ItemRef item) {
      return Scopes.covers(scopeKind, scopeKey, item);
    }

    boolean runningAt(Instant now) {
      return active && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    org.guildhall.commerce.OfferView view() {
      return new org.guildhall.commerce.OfferView(
          id, nameEn, nameZh, scopeKind, scopeKey, percentOff, amountOff, startsAt, endsAt, active);
    }
  }

  private static final String COLUMNS =
      "id, name_en, name_zh, scope_kind, scope_key, percent_off, amount_off_minor, currency,"
          + " starts_at, ends_at, active";

  private final JdbcClient jdbc;

  /**
   * The active offers, read once a minute per instance (and at once after a change here): every
   * checkout, quote and Join page needs them, and they change rarely.
   */
  private final com.github.benmanes.caffeine.cache.LoadingCache<String, List<Offer>> active =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
          .expireAfterWrite(java.time.Duration.ofMinutes(1))
          .maximumSize(1)
          .build(key -> loadActive());

  OfferStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Offers running at {@code now} that may cover items of {@code kind}. */
  List<Offer> running(String kind, Instant now) {
    return active.get("active").stream()
        .filter(o -> o.runningAt(now))
        .filter(o -> o.scopeKind() == null || o.scopeKind().equals(kind))
        .toList();
  }

  private List<Offer> loadActive() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM offer WHERE active = TRUE")
        .query(OfferStore::row)
        .list();
  }

  List<Offer> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM offer ORDER BY starts_at DESC LIMIT 200")
        .query(OfferStore::row)
        .list();
  }

  void insert(Offer o, Instant now) {
    jdbc.sql(
            "INSERT INTO offer (id, name_en, name_zh, scope_kind, scope_key, percent_off,"
                + " amount_off_minor, currency, starts_at, ends_at, active, created_at) VALUES (?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            o.id(),
            o.nameEn(),
            o.nameZh(),
            o.scopeKind(),
            o.scopeKey(),
            o.percentOff(),
            o.amountOff() == null ? null : o.amountOff().minor(),
            o.amountOff() == null ? "CNY" : o.amountOff().currency().getCurrencyCode(),
            ts(o.startsAt()),
            ts(o.endsAt()),
            o.active(),
            ts(now))
        .update();
    this.active.invalidateAll();
  }

  boolean setActive(UUID id, boolean active) {
    boolean changed =
        jdbc.sql("UPDATE offer SET active = ? WHERE id = ?").params(active, id).update() == 1;
    this.active.invalidateAll();
    return changed;
  }

  private static Offer row(ResultSet rs, int n) throws SQLException {
    long amountOff = rs.getLong("amount_off_minor");
    boolean hasAmount = !rs.wasNull();
    int percent = rs.getInt("percent_off");
    boolean hasPercent = !rs.wasNull();
    return new Offer(
        uuid(rs, "id"),
        rs.getString("name_en"),
        rs.getString("name_zh"),
        rs.getString("scope_kind"),
        rs.getString("scope_key"),
        hasPercent ? percent : null,
        hasAmount ? Money.of(amountOff, rs.getString("currency")) : null,
        instant(rs, "starts_at"),
        instant(rs, "ends_at"),
        rs.getBoolean("active"));
  }
}
