package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Throttling, bans, roles, htmx session expiry and error pages, end to end over HTTP. */
@WebIntegrationTest
class SecurityIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired JdbcClient jdbc;

  AccountId owner() {
    return identity.search("owner@guildhall.demo", null, null, 1).items().get(0).id();
  }

  AccountId provision(String email, String password) {
    return identity.provision(
        email,
        password,
        "Tester",
        "t" + UUID.randomUUID().toString().substring(0, 8),
        java.util.Set.of(Role.MEMBER),
        "en");
  }

  static String email() {
    return "s-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  @Test
  void guessingAPasswordLocksTheGuesserOutButNotTheMembersKnownDevice() {
    String email = email();
    provision(email, "the real pass phrase");
    Browser member = new Browser(port);
    assertThat(member.signIn(email, "the real pass phrase").location()).doesNotContain("error");
    assertThat(member.cookie("gh_device")).isPresent();
    member.get("/");
    member.post("/logout", Map.of());

    Browser attacker = new Browser(port);
    for (int i = 0; i < 10; i++) {
      assertThat(attacker.signIn(email, "guess number " + i).location())
          .contains("error=credentials");
    }
    assertThat(attacker.signIn(email, "the real pass phrase").location())
        .as("even the right password is refused once the account's failures are used up")
        .contains("error=throttled");
    assertThat(new Browser(port).signIn(email, "the real pass phrase").location())
        .as("a browser that never signed in is throttled too")
        .contains("error=throttled");
    assertThat(member.signIn(email, "the real pass phrase").location())
        .as("the member's own device still gets in")
        .doesNotContain("error");
  }

  @Test
  void banningEndsEverySessionAtOnceAndTheMemberCannotActOrSignIn() {
    String email = email();
    AccountId id = provision(email, "a banned pass phrase");
    Browser phone = new Browser(port);
    Browser laptop = new Browser(port);
    phone.signIn(email, "a banned pass phrase");
    laptop.signIn(email, "a banned pass phrase");
    assertThat(phone.get("/settings/profile").status()).isEqualTo(200);

    identity.ban(owner(), id, "spam in the boards", null);

    assertThat(phone.get("/settings/profile").status()).isEqualTo(302);
    assertThat(laptop.get("/settings/account").status()).isEqualTo(302);
    assertThat(laptop.get("/").body()).doesNotContain("action=\"/logout\"");
    assertThat(new Browser(port).signIn(email, "a banned pass phrase").location())
        .endsWith("error=banned");
    assertThat(new Browser(port).signIn(email, "a wrong guess here").location())
        .as("a wrong password does not reveal the suspension")
        .endsWith("error=credentials");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
                .param(id.value().toString())
                .query(Long.class)
                .single())
        .isZero();

    identity.unban(owner(), id);
    assertThat(new Browser(port).signIn(email, "a banned pass phrase").location())
        .doesNotContain("error");
  }

  @Test
  void onlyTheOwnerReachesTheConsoleAndRoleChangesApply() {
    String email = email();
    AccountId id = provision(email, "a member pass phrase");
    Browser member = new Browser(port);
    member.signIn(email, "a member pass phrase");
    Page denied = member.get("/admin/users");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body())
        .contains("data-testid=\"error-page\"")
        .doesNotContain("Exception")
        .doesNotContain("at org.");

    Browser owner = new Browser(port);
    owner.signIn("owner@guildhall.demo", "guildhall-demo");
    Page list = owner.get("/admin/users?q=" + email);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains(email);
    owner.get("/admin/users/" + id.value());
    Page saved = owner.post("/admin/users/" + id.value() + "/roles", Map.of("roles", "OWNER"));
    assertThat(saved.status()).isEqualTo(302);
    assertThat(identity.find(id).orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.MEMBER, Role.OWNER);

    // Role changes end the member's sessions so the new authorities apply on next sign-in.
    assertThat(member.get("/settings/profile").status()).isEqualTo(302);
    member.signIn(email, "a member pass phrase");
    assertThat(member.get("/admin/users").status()).isEqualTo(200);
  }

  @Test
  void theLastOwnerCannotDropOwnership() {
    Browser owner = new Browser(port);
    owner.signIn("owner@guildhall.demo", "guildhall-demo");
    AccountId me = owner();
    long owners =
        jdbc.sql("SELECT COUNT(*) FROM account_role WHERE role = 'OWNER'")
            .query(Long.class)
            .single();
    if (owners == 1) {
      owner.get("/admin/users/" + me.value());
      Page refused = owner.post("/admin/users/" + me.value() + "/roles", Map.of("roles", "EXPERT"));
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.body()).contains("data-testid=\"form-errors\"");
      assertThat(identity.find(me).orElseThrow().roles()).contains(Role.OWNER);
    }
    owner.get("/admin/users/" + me.value());
    Page self = owner.post("/admin/users/" + me.value() + "/ban", Map.of("reason", "x"));
    assertThat(self.status()).isEqualTo(409);
  }

  @Test
  void banFormNeedsAReasonAndAFutureDate() {
    String email = email();
    AccountId id = provision(email, "a pass phrase here");
    Browser owner = new Browser(port);
    owner.signIn("owner@guildhall.demo", "guildhall-demo");
    owner.get("/admin/users/" + id.value());
    Page noReason =
        owner.post("/admin/users/" + id.value() + "/ban", Map.of("reason", " ", "until", ""));
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.body()).contains("data-testid=\"error-reason\"");
    Page past =
        owner.post(
            "/admin/users/" + id.value() + "/ban", Map.of("reason", "spam", "until", "2001-01-01"));
    assertThat(past.status()).isEqualTo(422);
    assertThat(identity.find(id).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    Page ok =
        owner.post(
            "/admin/users/" + id.value() + "/ban", Map.of("reason", "spam", "until", "2099-01-01"));
    assertThat(ok.status()).isEqualTo(302);
    assertThat(identity.find(id).orElseThrow().bannedUntil()).isNotNull();
  }

  @Test
  void anHtmxRequestWithAnExpiredSessionReloadsTheSignInPage() {
    Page page = new Browser(port).get("/settings/profile", Map.of("HX-Request", "true"));
    assertThat(page.status()).isEqualTo(401);
    assertThat(page.header("HX-Redirect")).contains("/login?expired");
    Page plain = new Browser(port).get("/settings/profile");
    assertThat(plain.status()).isEqualTo(302);
    assertThat(plain.location()).endsWith("/login");
  }

  @Test
  void errorPagesAreDesignedAndLeakNothing() {
    Browser browser = new Browser(port);
    Page missing = browser.get("/u/nobody-" + UUID.randomUUID());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("data-testid=\"error-page\"").contains("<html");
    Page noRoute = browser.get("/no/such/page");
    assertThat(noRoute.status()).isEqualTo(404);
    assertThat(noRoute.body()).contains("data-testid=\"error-page\"").doesNotContain("Whitelabel");
    Page zh = new Browser(port).language("zh-CN").get("/no/such/page");
    assertThat(zh.body()).contains("页面不存在");
  }

  @Test
  void everyPageSendsAStrictContentSecurityPolicy() {
    Page home = new Browser(port).get("/");
    assertThat(home.header("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline")
        .contains("frame-ancestors 'none'");
    assertThat(home.body())
        .doesNotContain("<script>")
        .doesNotContain("onclick=")
        .doesNotContain("style=\"");
  }
}
