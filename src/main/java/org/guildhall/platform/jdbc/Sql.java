package org.guildhall.platform.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Small JDBC helpers shared by the modules' {@code JdbcClient} code: PostgreSQL's driver neither
 * binds an {@link Instant} nor reads one back, so instants travel as {@link Timestamp} and come
 * back through {@link OffsetDateTime} (which H2 and PostgreSQL both return for {@code timestamp
 * with time zone}).
 */
public final class Sql {

  private Sql() {}

  public static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }
}
