package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.support.Browser;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in the database (Spring Session JDBC), not in the server's memory: a freshly made
 * session repository over the same tables — what a restarted or second instance has — finds the
 * signed-in member, and a session removed from the table is gone for the server at once.
 */
@WebIntegrationTest
class SessionStoreIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  static String sessionId(Browser browser) {
    return new String(
        Base64.getDecoder().decode(browser.cookie("GUILDHALL_SESSION").orElseThrow()),
        StandardCharsets.UTF_8);
  }

  @Test
  void aNewInstanceReadingTheSameTablesKnowsTheSignedInMember() {
    Person person = People.provision(identity, "ses");
    Browser browser = new Browser(port);
    browser.get("/login");
    browser.post(
        "/login",
        Map.of("email", person.email(), "password", People.PASSWORD, "remember-me", "true"));
    String id = sessionId(browser);

    // What a restarted application builds: a repository with nothing in memory.
    JdbcIndexedSessionRepository restarted =
        new JdbcIndexedSessionRepository(
            new JdbcTemplate(dataSource),
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    Session session = restarted.findById(id);
    assertThat(session).isNotNull();
    SecurityContext context = session.getAttribute("SPRING_SECURITY_CONTEXT");
    assertThat(context.getAuthentication().getPrincipal())
        .isInstanceOfSatisfying(
            AuthenticatedAccount.class, a -> assertThat(a.accountId()).isEqualTo(person.id()));
    assertThat(session.getMaxInactiveInterval().toDays()).as("keep me signed in").isEqualTo(30);
    assertThat(restarted.findByPrincipalName(person.id().toString())).containsKey(id);

    // The server keeps no copy of its own: the row gone, the member is signed out.
    assertThat(browser.get("/settings/profile").status()).isEqualTo(200);
    jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(id).update();
    assertThat(browser.get("/settings/profile").status()).isEqualTo(302);
  }

  @Test
  void signingOutEndsTheStoredSession() {
    Person person = People.provision(identity, "ses");
    Browser browser = new Browser(port);
    browser.signIn(person.email(), People.PASSWORD);
    String id = sessionId(browser);
    browser.get("/");
    assertThat(browser.post("/logout", Map.of()).location()).endsWith("/?signed-out");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(browser.get("/settings/profile").status()).isEqualTo(302);
  }
}
