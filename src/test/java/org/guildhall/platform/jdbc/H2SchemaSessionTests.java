package org.guildhall.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.guildhall.identity.IdentityApi;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After the pool has replaced every connection it had (as it does after its idle timeout and
 * maximum lifetime), tables with {@code CHECK (… IN …)} constraints still take inserts: on H2 the
 * migrations' session stays open (see {@link H2SchemaSession}).
 */
@WebIntegrationTest
class H2SchemaSessionTests {

  @Autowired DataSource dataSource;
  @Autowired IdentityApi identity;

  @Test
  void constraintsKeepWorkingAfterThePoolReplacesItsConnections() {
    HikariDataSource hikari = unwrap();
    hikari.getHikariPoolMXBean().softEvictConnections();
    People.Person person = People.provision(identity, "h2-session");
    assertThat(identity.find(new org.guildhall.identity.AccountId(person.id()))).isPresent();
  }

  private HikariDataSource unwrap() {
    try {
      return dataSource.unwrap(HikariDataSource.class);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
