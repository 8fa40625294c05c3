package org.guildhall.identity.internal;

import static org.guildhall.platform.jdbc.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountStatus;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.PublicProfile;
import org.guildhall.identity.Role;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read paths over accounts with plain SQL: the owner's user list (keyset paged) and profiles. */
@Component
public class AccountQueries {

  private static final String COLUMNS =
      "a.id, a.email, a.display_name, a.handle, a.avatar_key, a.status, a.banned_until,"
          + " a.ban_reason, a.email_verified_at, a.language, a.created_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  AccountQueries(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Newest first, {@code size} per page, optionally filtered by a text (e-mail, name or handle) and
   * a role. Two statements per page whatever its size: the accounts, then their roles.
   */
  @Transactional(readOnly = true)
  public KeysetPage<AccountSummary> search(String text, Role role, String cursor, int size) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM account a WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (text != null && !text.isBlank()) {
      sql.append(
          " AND (a.email LIKE :text OR LOWER(a.display_name) LIKE :text OR a.handle LIKE :text)");
      params.put("text", "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (role != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = :role)");
      params.put("role", role.name());
    }
    Optional<Cursor> after = Cursor.decode(cursor);
    if (after.isPresent()) {
      sql.append(" AND (a.created_at < :at OR (a.created_at = :at AND a.id < :id))");
      params.put("at", Timestamp.from(after.get().at()));
      params.put("id", after.get().id());
    }
    sql.append(" ORDER BY a.created_at DESC, a.id DESC LIMIT :limit");
    params.put("limit", size + 1);
    List<Row> rows = jdbc.sql(sql.toString()).params(params).query(AccountQueries::row).list();
    Map<UUID, Set<Role>> roles = rolesOf(rows.stream().map(Row::id).toList());
    List<AccountSummary> summaries = new ArrayList<>();
    for (Row row : rows) {
      summaries.add(
          row.toSummary(roles.getOrDefault(row.id(), EnumSet.of(Role.MEMBER)), clock.instant()));
    }
    return KeysetPage.of(summaries, size, s -> new Cursor(s.createdAt(), s.id().value()));
  }

  @Transactional(readOnly = true)
  public Optional<AccountSummary> find(AccountId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM account a WHERE a.id = ?")
        .param(id.value())
        .query(AccountQueries::row)
        .optional()
        .map(
            row ->
                row.toSummary(
                    rolesOf(List.of(row.id())).getOrDefault(row.id(), EnumSet.of(Role.MEMBER)),
                    clock.instant()));
  }

  /** The accounts that exist among {@code ids}: one statement for them, one for their roles. */
  @Transactional(readOnly = true)
  public Map<AccountId, AccountSummary> findAll(Collection<AccountId> ids) {
    List<UUID> wanted = ids.stream().map(AccountId::value).distinct().toList();
    Map<AccountId, AccountSummary> found = new LinkedHashMap<>();
    if (wanted.isEmpty()) {
      return found;
    }
    List<Row> rows =
        jdbc.sql("SELECT " + COLUMNS + " FROM account a WHERE a.id IN (:ids)")
            .param("ids", wanted)
            .query(AccountQueries::row)
            .list();
    Map<UUID, Set<Role>> roles = rolesOf(rows.stream().map(Row::id).toList());
    for (Row row : rows) {
      found.put(
          new AccountId(row.id()),
          row.toSummary(roles.getOrDefault(row.id(), EnumSet.of(Role.MEMBER)), clock.instant()));
    }
    return found;
  }

  @Transactional(readOnly = true)
  public Optional<PublicProfile> profile(String handle) {
    return jdbc.sql(
            "SELECT a.id, a.handle, a.display_name, a.bio, a.links, a.avatar_key, a.created_at"
                + " FROM account a WHERE a.handle = ?")
        .param(handle)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              String links = rs.getString("links");
              return new PublicProfile(
                  new AccountId(id),
                  rs.getString("handle"),
                  rs.getString("display_name"),
                  rs.getString("bio"),
                  links == null ? List.of() : List.of(links.split("\n")),
                  Avatars.url(rs.getString("avatar_key")),
                  Set.of(),
                  instant(rs, "created_at"));
            })
        .optional()
        .map(
            p ->
                new PublicProfile(
                    p.id(),
                    p.handle(),
                    p.displayName(),
                    p.bio(),
                    p.links(),
                    p.avatarUrl(),
                    rolesOf(List.of(p.id().value()))
                        .getOrDefault(p.id().value(), EnumSet.of(Role.MEMBER)),
                    p.joinedAt()));
  }

  /** What the member's own settings pages show. */
  public record OwnSettings(
      String email,
      boolean verified,
      String displayName,
      String bio,
      List<String> links,
      String timeZone,
      String language,
      String avatarUrl,
      String handle) {}

  @Transactional(readOnly = true)
  public Optional<OwnSettings> ownSettings(AccountId id) {
    return jdbc.sql(
            "SELECT email, email_verified_at, display_name, bio, links, time_zone, language,"
                + " avatar_key, handle FROM account WHERE id = ?")
        .param(id.value())
        .query(
            (rs, n) -> {
              String links = rs.getString("links");
              return new OwnSettings(
                  rs.getString("email"),
                  rs.getTimestamp("email_verified_at") != null,
                  rs.getString("display_name"),
                  rs.getString("bio"),
                  links == null ? List.of() : List.of(links.split("\n")),
                  rs.getString("time_zone"),
                  rs.getString("language"),
                  Avatars.url(rs.getString("avatar_key")),
                  rs.getString("handle"));
            })
        .optional();
  }

  private Map<UUID, Set<Role>> rolesOf(List<UUID> ids) {
    Map<UUID, Set<Role>> roles = new HashMap<>();
    if (ids.isEmpty()) {
      return roles;
    }
    jdbc.sql("SELECT account_id, role FROM account_role WHERE account_id IN (:ids)")
        .param("ids", ids)
        .query(
            (rs, n) -> {
              roles
                  .computeIfAbsent(
                      rs.getObject("account_id", UUID.class), k -> EnumSet.noneOf(Role.class))
                  .add(Role.valueOf(rs.getString("role")));
              return null;
            })
        .list();
    return roles;
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getString("display_name"),
        rs.getString("handle"),
        rs.getString("avatar_key"),
        AccountStatus.valueOf(rs.getString("status")),
        instant(rs, "banned_until"),
        rs.getString("ban_reason"),
        rs.getTimestamp("email_verified_at") != null,
        rs.getString("language"),
        instant(rs, "created_at"));
  }

  private record Row(
      UUID id,
      String email,
      String displayName,
      String handle,
      String avatarKey,
      AccountStatus status,
      Instant bannedUntil,
      String banReason,
      boolean verified,
      String language,
      Instant createdAt) {

    /**
     * As the account stands at {@code now}: a ban whose end has come shows as over even before the
     * ban job has lifted it.
     */
    AccountSummary toSummary(Set<Role> roles, Instant now) {
      boolean banOver =
          status == AccountStatus.BANNED && bannedUntil != null && !bannedUntil.isAfter(now);
      return new AccountSummary(
          new AccountId(id),
          email,
          displayName,
          handle,
          Avatars.url(avatarKey),
          roles,
          banOver ? AccountStatus.ACTIVE : status,
          banOver ? null : bannedUntil,
          banOver ? null : banReason,
          verified,
          language,
          createdAt);
    }
  }

  /** The account's roles, in one statement. */
  public java.util.Set<org.guildhall.identity.Role> roles(AccountId id) {
    return java.util.EnumSet.copyOf(
        jdbc
            .sql("SELECT role FROM account_role WHERE account_id = ?")
            .param(id.value())
            .query((rs, n) -> org.guildhall.identity.Role.valueOf(rs.getString(1)))
            .list()
            .stream()
            .collect(
                java.util.stream.Collectors.toCollection(
                    () -> java.util.EnumSet.noneOf(org.guildhall.identity.Role.class))));
  }
}
