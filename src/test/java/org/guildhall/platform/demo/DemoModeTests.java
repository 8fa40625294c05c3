package org.guildhall.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The demo community is on by default for the embedded database only; a setting overrides. */
class DemoModeTests {

  static DataSource database(String product) throws SQLException {
    DataSource dataSource = mock(DataSource.class);
    Connection connection = mock(Connection.class);
    DatabaseMetaData meta = mock(DatabaseMetaData.class);
    when(dataSource.getConnection()).thenReturn(connection);
    when(connection.getMetaData()).thenReturn(meta);
    when(meta.getDatabaseProductName()).thenReturn(product);
    return dataSource;
  }

  @Test
  void isOnByDefaultForTheEmbeddedDatabase() throws SQLException {
    assertThat(new DemoMode(null, database("H2")).enabled()).isTrue();
  }

  @Test
  void isOffByDefaultForPostgresql() throws SQLException {
    assertThat(new DemoMode(null, database("PostgreSQL")).enabled()).isFalse();
  }

  @Test
  void isOffWhenTheDatabaseCannotBeAsked() throws SQLException {
    DataSource broken = mock(DataSource.class);
    when(broken.getConnection()).thenThrow(new SQLException("down"));
    assertThat(new DemoMode(null, broken).enabled()).isFalse();
  }

  @Test
  void theSettingWinsEitherWay() throws SQLException {
    assertThat(new DemoMode(false, database("H2")).enabled()).isFalse();
    assertThat(new DemoMode(true, database("PostgreSQL")).enabled()).isTrue();
  }
}
