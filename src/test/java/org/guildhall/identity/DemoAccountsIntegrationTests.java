package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every demo account of the README signs in with the documented password and has its role. */
@WebIntegrationTest
class DemoAccountsIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityApi identity;

  @Test
  void everyDemoAccountSignsInWithItsRole() {
    Map<String, Role> accounts =
        Map.of(
            "owner@guildhall.demo", Role.OWNER,
            "expert@guildhall.demo", Role.EXPERT,
            "moderator@guildhall.demo", Role.MODERATOR,
            "volunteer@guildhall.demo", Role.VOLUNTEER,
            "premium@guildhall.demo", Role.MEMBER,
            "basic@guildhall.demo", Role.MEMBER,
            "free@guildhall.demo", Role.MEMBER);
    accounts.forEach(
        (email, role) -> {
          AccountSummary account = identity.search(email, null, null, 1).items().get(0);
          assertThat(account.email()).isEqualTo(email);
          assertThat(account.roles()).as(email).contains(role);
          assertThat(account.emailVerified()).as(email).isTrue();
          Browser browser = new Browser(port);
          assertThat(browser.signIn(email, "guildhall-demo").location())
              .as(email)
              .doesNotContain("error");
        });
    assertThat(identity.search(null, Role.OWNER, null, 10).items())
        .extracting(AccountSummary::email)
        .contains("owner@guildhall.demo");
  }
}
