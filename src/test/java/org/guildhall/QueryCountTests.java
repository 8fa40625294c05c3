package org.guildhall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.support.Browser;
import org.guildhall.support.SqlCounter;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Hot pages run a small, fixed number of SQL statements, whatever the amount of data. */
@WebIntegrationTest
class QueryCountTests {

  @LocalServerPort int port;
  @Autowired SqlCounter sql;
  @Autowired IdentityApi identity;

  int statementsFor(Browser browser, String path) {
    browser.get(path); // warm caches the way a second visitor would find them
    sql.reset();
    assertThat(browser.get(path).status()).isEqualTo(200);
    return sql.count();
  }

  @Test
  void theAnonymousHomePageNeedsNoStatementOnceWarm() {
    // the tiers (with their prices, one statement) are cached; no session, no viewer
    assertThat(statementsFor(new Browser(port), "/")).isZero();
  }

  @Test
  void aSignedInHomePageRunsAFewStatements() {
    Browser browser = new Browser(port);
    browser.signIn("basic@guildhall.demo", "guildhall-demo");
    // session read and touch; tiers and the viewer come from short-lived caches
    // session read, touch and re-read (3); the tier cards' standing (2); what the access policy
    // knows about the member for the cards' locks (roles, live tier, purchases: 3); continue
    // learning (1). Tiers, the viewer and the content lists come from short-lived caches.
    assertThat(statementsFor(browser, "/")).isLessThanOrEqualTo(9);
  }

  @Test
  void theMemberListCostsTheSameForFiveRowsAndForTwentyFive() {
    String tag = "qc" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 30; i++) {
      identity.provision(
          tag + i + "@example.com",
          "query count pass",
          "QC " + i,
          tag + i,
          Set.of(Role.MEMBER),
          "en");
    }
    Browser owner = new Browser(port);
    owner.signIn("owner@guildhall.demo", "guildhall-demo");
    int five = statementsFor(owner, "/admin/users?q=" + tag + "2");
    int page = statementsFor(owner, "/admin/users?q=" + tag);
    assertThat(page).isEqualTo(five);
    assertThat(page).isLessThanOrEqualTo(6);
  }
}
