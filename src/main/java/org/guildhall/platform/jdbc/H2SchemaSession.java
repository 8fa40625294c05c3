package org.guildhall.platform.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Works around an H2 2.4.240 defect: a {@code CHECK (x IN ('A', 'B'))} constraint keeps a reference
 * to the session that created it, and once that session's connection is closed every insert into
 * the table fails with "Check constraint invalid … the database has been closed". Migrations create
 * those constraints through Flyway's connection, which the pool would retire after a while (a
 * newcomer's demo stopped accepting registrations after half an hour). On the embedded database,
 * Flyway therefore migrates through one connection of its own that stays open until the application
 * stops. (H2 2.3.232 does not have the defect; a database reopened from its file parses constraints
 * in its long-lived system session.) PostgreSQL is not affected.
 */
@Component
class H2SchemaSession implements FlywayConfigurationCustomizer, DisposableBean {

  private final String url;
  private final String username;
  private final String password;
  private Connection kept;

  H2SchemaSession(
      @Value("${spring.datasource.url:}") String url,
      @Value("${spring.datasource.username:}") String username,
      @Value("${spring.datasource.password:}") String password) {
    this.url = url;
    this.username = username;
    this.password = password;
  }

  @Override
  public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
    if (!url.startsWith("jdbc:h2:")) {
      return;
    }
    try {
      kept = DriverManager.getConnection(url, username, password);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open the embedded database for migrations", e);
    }
    configuration.dataSource(new SingleConnectionDataSource(kept, true));
  }

  @Override
  public void destroy() throws SQLException {
    if (kept != null) {
      kept.close();
    }
  }
}
