package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A forged request (no CSRF token, as from another site) to any identity form of a signed-in member
 * or owner is refused and changes nothing; htmx requests carry the token as a header.
 */
@WebIntegrationTest
class CsrfIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired JdbcClient jdbc;

  String row(Person person) {
    return jdbc.sql(
            "SELECT email || '|' || password_hash || '|' || display_name || '|' || status"
                + " FROM account WHERE id = ?")
        .param(person.id())
        .query(String.class)
        .single();
  }

  @Test
  void formsWithoutTheTokenAreRefusedAndChangeNothing() {
    Person member = People.provision(identity, "csrf");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);
    String before = row(member);
    Map<String, Map<String, String>> forms = new LinkedHashMap<>();
    forms.put(
        "/settings/profile", Map.of("displayName", "Forged", "timeZone", "UTC", "language", "en"));
    forms.put(
        "/settings/password",
        Map.of("currentPassword", People.PASSWORD, "newPassword", "a forged pass phrase"));
    forms.put(
        "/settings/email",
        Map.of("currentPassword", People.PASSWORD, "newEmail", "forged@example.com"));
    forms.put("/settings/tokens", Map.of("name", "forged", "validDays", "1"));
    forms.put("/verify/resend", Map.of());
    forms.put("/logout", Map.of());
    for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
      Page forged = browser.postWithoutCsrf(form.getKey(), form.getValue());
      assertThat(forged.status()).as(form.getKey()).isEqualTo(403);
    }
    assertThat(row(member)).isEqualTo(before);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM access_token WHERE account_id = ?")
                .param(member.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(browser.get("/settings/profile").status()).as("still signed in").isEqualTo(200);

    Browser owner = new Browser(port);
    owner.signIn("owner@guildhall.demo", "guildhall-demo");
    String target = "/admin/users/" + member.id();
    assertThat(owner.postWithoutCsrf(target + "/ban", Map.of("reason", "forged")).status())
        .isEqualTo(403);
    assertThat(owner.postWithoutCsrf(target + "/roles", Map.of("roles", "OWNER")).status())
        .isEqualTo(403);
    assertThat(row(member)).isEqualTo(before);
    assertThat(identity.find(new AccountId(member.id())).orElseThrow().roles())
        .containsExactly(Role.MEMBER);
  }

  @Test
  void htmxRequestsCarryTheTokenAsAHeader() {
    Browser browser = new Browser(port);
    browser.get("/");
    Page page = browser.get("/login");
    assertThat(page.body())
        .containsPattern(
            "<body hx-headers=\"\\{&#34;X-CSRF-TOKEN&#34;:\\s*&#34;[A-Za-z0-9_-]{20,}&#34;\\}\"");
  }
}
