package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.guildhall.identity.IdentityEvents.EmailVerificationRequested;
import org.guildhall.identity.IdentityEvents.PasswordResetRequested;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.CapturedEvents;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registration, verification, sign-in and password reset through the real pages. */
@WebIntegrationTest
class AccountsWebIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired CapturedEvents events;

  static String uniqueEmail() {
    return "m-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  long accounts(String email) {
    return jdbc.sql("SELECT COUNT(*) FROM account WHERE email = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  @Test
  void registersVerifiesAndSignsIn() {
    Browser browser = new Browser(port);
    String email = uniqueEmail();
    browser.get("/register");
    Page done =
        browser.post(
            "/register",
            Map.of("email", email, "password", "a long pass phrase", "displayName", "新同学"));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("Check your inbox").contains(email);
    assertThat(accounts(email)).isOne();

    String token =
        events.await(EmailVerificationRequested.class, e -> e.email().equals(email)).token();
    Page verified = browser.get("/verify?token=" + token);
    assertThat(verified.status()).isEqualTo(302);
    assertThat(verified.location()).endsWith("/login?verified");
    assertThat(
            jdbc.sql("SELECT email_verified_at FROM account WHERE email = ?")
                .param(email)
                .query(Object.class)
                .single())
        .isNotNull();
    assertThat(browser.get("/verify?token=" + token).status())
        .as("a link works once")
        .isEqualTo(410);

    Page signIn = browser.signIn(email, "a long pass phrase");
    assertThat(signIn.status()).isEqualTo(302);
    assertThat(signIn.location()).doesNotContain("error");
    Page home = browser.get("/");
    assertThat(home.body()).contains("新同学").contains("action=\"/logout\"");
  }

  @Test
  void rejectsBadRegistrationsWithFieldMessagesAndCreatesNothing() {
    Browser browser = new Browser(port);
    String email = uniqueEmail();
    browser.get("/register");
    Page bad =
        browser.post(
            "/register", Map.of("email", "not-an-email", "password", "short", "displayName", ""));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body())
        .contains("data-testid=\"error-email\"")
        .contains("Enter a valid email address")
        .contains("data-testid=\"error-password\"")
        .contains("Use at least 8 characters")
        .contains("data-testid=\"error-displayName\"")
        .contains("aria-invalid=\"true\"");

    Page common =
        browser.post(
            "/register", Map.of("email", email, "password", "password123", "displayName", "A"));
    assertThat(common.body()).contains("too easy to guess");
    Page overlong =
        browser.post(
            "/register", Map.of("email", email, "password", "x".repeat(129), "displayName", "A"));
    assertThat(overlong.body()).contains("at most 128 characters");
    assertThat(accounts(email)).isZero();

    browser.post(
        "/register", Map.of("email", email, "password", "a long pass phrase", "displayName", "A"));
    Page taken =
        browser.post(
            "/register",
            Map.of(
                "email",
                email.toUpperCase(),
                "password",
                "another pass phrase",
                "displayName",
                "B"));
    assertThat(taken.status()).isEqualTo(422);
    assertThat(taken.body()).contains("already exists");
    assertThat(accounts(email)).isOne();
  }

  @Test
  void acceptsLongAndChinesePasswords() {
    Browser browser = new Browser(port);
    String email = uniqueEmail();
    String password = "知识付费社群的长期主义".repeat(6) + "ok"; // 68 characters, 200+ bytes in UTF-8
    browser.get("/register");
    assertThat(
            browser
                .post(
                    "/register", Map.of("email", email, "password", password, "displayName", "长密码"))
                .status())
        .isEqualTo(200);
    Page signIn = browser.signIn(email, password);
    assertThat(signIn.location()).doesNotContain("error");
    assertThat(new Browser(port).signIn(email, password.substring(0, 60)).location())
        .contains("error=credentials");
  }

  @Test
  void wrongPasswordSaysSoWithoutRevealingTheAccount() {
    Browser browser = new Browser(port);
    Page wrong = browser.signIn("owner@guildhall.demo", "not the password");
    assertThat(wrong.location()).endsWith("/login?error=credentials");
    Page unknown = browser.signIn(uniqueEmail(), "whatever it is");
    assertThat(unknown.location()).endsWith("/login?error=credentials");
    assertThat(browser.get("/login?error=credentials").body()).contains("don’t match");
  }

  @Test
  void resetsAForgottenPasswordOnceAndEndsOldSessions() {
    String email = uniqueEmail();
    Browser first = new Browser(port);
    first.get("/register");
    first.post(
        "/register", Map.of("email", email, "password", "the first phrase", "displayName", "R"));
    first.signIn(email, "the first phrase");
    assertThat(first.get("/settings/profile").status()).isEqualTo(200);

    Browser other = new Browser(port);
    other.get("/forgot");
    Page sent = other.post("/forgot", Map.of("email", email));
    assertThat(sent.body()).contains("If an account uses that address");
    // The same answer for an address without an account.
    assertThat(other.post("/forgot", Map.of("email", uniqueEmail())).body())
        .contains("If an account uses that address");

    String token = events.await(PasswordResetRequested.class, e -> e.email().equals(email)).token();
    assertThat(other.get("/reset?token=" + token).status()).isEqualTo(200);
    Page weak = other.post("/reset", Map.of("token", token, "password", "short"));
    assertThat(weak.status()).isEqualTo(422);
    Page reset = other.post("/reset", Map.of("token", token, "password", "the second phrase"));
    assertThat(reset.location()).endsWith("/login");
    assertThat(other.get("/reset?token=" + token).status()).as("used link").isEqualTo(410);

    assertThat(first.get("/settings/profile").status()).as("old session ended").isEqualTo(302);
    assertThat(new Browser(port).signIn(email, "the first phrase").location()).contains("error");
    assertThat(new Browser(port).signIn(email, "the second phrase").location())
        .doesNotContain("error");
  }

  @Test
  void formsWithoutCsrfTokenAreRefused() {
    Browser browser = new Browser(port);
    String email = uniqueEmail();
    Page forged =
        browser.postWithoutCsrf(
            "/register",
            Map.of("email", email, "password", "a long pass phrase", "displayName", "X"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(accounts(email)).isZero();
  }

  @Test
  void sessionCookieIsHttpOnlyAndSurvivesInTheDatabase() {
    Browser browser = new Browser(port);
    Page signIn = browser.signIn("premium@guildhall.demo", "guildhall-demo");
    assertThat(signIn.response().headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("GUILDHALL_SESSION=")
                    .contains("HttpOnly")
                    .contains("SameSite=Lax"));
    long stored =
        jdbc.sql(
                "SELECT COUNT(*) FROM spring_session s JOIN account a ON s.principal_name = CAST(a.id AS VARCHAR(36))"
                    + " WHERE a.email = 'premium@guildhall.demo'")
            .query(Long.class)
            .single();
    assertThat(stored)
        .as("sessions live in the shared JDBC store, so they survive a restart")
        .isPositive();
  }

  int sessionLifetimeSeconds(Browser browser) {
    String cookie = browser.cookie("GUILDHALL_SESSION").orElseThrow();
    String id =
        new String(
            java.util.Base64.getDecoder().decode(cookie), java.nio.charset.StandardCharsets.UTF_8);
    return jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  @Test
  void keepMeSignedInKeepsTheSessionForThirtyDays() {
    Browser browser = new Browser(port);
    browser.get("/login");
    Page remembered =
        browser.post(
            "/login",
            Map.of(
                "email",
                "basic@guildhall.demo",
                "password",
                "guildhall-demo",
                "remember-me",
                "true"));
    assertThat(remembered.response().headers().allValues("Set-Cookie"))
        .as("a persistent cookie, so closing the browser does not sign out")
        .anySatisfy(c -> assertThat(c).startsWith("GUILDHALL_SESSION=").contains("Max-Age="));
    assertThat(sessionLifetimeSeconds(browser)).isEqualTo(30 * 24 * 3600);

    Browser plain = new Browser(port);
    Page session = plain.signIn("basic@guildhall.demo", "guildhall-demo");
    assertThat(session.response().headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("GUILDHALL_SESSION="))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c).doesNotContain("Max-Age"));
    assertThat(sessionLifetimeSeconds(plain)).isEqualTo(8 * 3600);
  }

  @Test
  void changesTheEmailOnlyOnceTheNewAddressConfirms() {
    String email = uniqueEmail();
    String next = uniqueEmail();
    Browser browser = new Browser(port);
    browser.get("/register");
    browser.post(
        "/register",
        Map.of("email", email, "password", "an email pass phrase", "displayName", "E"));
    browser.signIn(email, "an email pass phrase");
    browser.get("/settings/account");
    Page wrong =
        browser.post("/settings/email", Map.of("newEmail", next, "currentPassword", "nope"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body()).contains("data-testid=\"error-currentPassword\"");
    Page taken =
        browser.post(
            "/settings/email",
            Map.of("newEmail", "owner@guildhall.demo", "currentPassword", "an email pass phrase"));
    assertThat(taken.body()).contains("data-testid=\"error-newEmail\"");
    Page sent =
        browser.post(
            "/settings/email", Map.of("newEmail", next, "currentPassword", "an email pass phrase"));
    assertThat(sent.status()).isEqualTo(302);
    assertThat(accounts(email)).as("nothing changes before confirmation").isOne();

    String token =
        events
            .await(IdentityEvents.EmailChangeRequested.class, e -> e.newEmail().equals(next))
            .token();
    assertThat(browser.get("/settings/email/confirm?token=" + token).status()).isEqualTo(302);
    assertThat(accounts(email)).isZero();
    assertThat(accounts(next)).isOne();
    assertThat(new Browser(port).signIn(next, "an email pass phrase").location())
        .doesNotContain("error");
  }
}
